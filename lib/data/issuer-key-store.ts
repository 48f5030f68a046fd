// The KeyStore on the table: public issuer JWKs and their status as items, private halves in a KeyVault.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JWK } from 'jose';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { issuerKid, type IssuerSigningKey, type KeyStore, type PublishedKey } from '../credentials/key-store.js';
import type { KeyVault } from '../credentials/key-vault.js';
import { ENTITY, keys } from './keys.js';
import { partitionIs, queryAll } from './query.js';
import { INDEXES } from './table.js';

/**
 * A municipality without a key gets one on first signature (label = the Riga year-month and a random
 * suffix): the vault stores the private half first, then one transaction publishes the public JWK and
 * the ACTIVE pointer. When two processes race, one pointer wins; the loser's key is never published.
 */
export class DynamoKeyStore implements KeyStore {
  private readonly active = new Map<string, Promise<IssuerSigningKey>>();
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string, private readonly vault: KeyVault, private readonly now: () => Date = () => new Date()) {}

  signingKey(municipality: string): Promise<IssuerSigningKey> {
    let key = this.active.get(municipality);
    if (!key) {
      key = this.loadOrCreate(municipality);
      this.active.set(municipality, key);
      key.catch(() => this.active.delete(municipality));
    }
    return key;
  }

  private async loadOrCreate(municipality: string): Promise<IssuerSigningKey> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.activeIssuerKey(municipality), ConsistentRead: true }));
      if (Item) {
        const kid = String(Item.kid);
        const privateKey = await this.vault.privateKey(kid);
        if (!privateKey) throw new Error(`issuer key ${kid} is published but its private half is not in the vault`);
        return { kid, municipality, privateKey };
      }
      const at = this.now().toISOString();
      const kid = issuerKid(municipality, `${at.slice(0, 7)}-${Math.random().toString(36).slice(2, 8)}`);
      const jwk = await this.vault.create(kid);
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: [
          { Put: { TableName: this.table, Item: { ...keys.activeIssuerKey(municipality), entityType: ENTITY.activeIssuerKey, kid }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.table, Item: { ...keys.issuerKey(municipality, kid), ...keys.issuerKeyListing(kid), entityType: ENTITY.issuerKey, kid, municipality, status: 'active', createdAt: at, jwk: publicOnly(jwk) } } },
        ] }));
      } catch (error) {
        if (error instanceof TransactionCanceledException || error instanceof ConditionalCheckFailedException) continue;
        throw error;
      }
    }
    throw new Error(`could not provision an issuer key for ${municipality}`);
  }

  // every issuer key with its status (the JWKS builder leaves out withdrawn ones)
  async publicKeys(): Promise<PublishedKey[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byCollection.name, ...partitionIs(INDEXES.byCollection.partition, keys.issuerKeysCollection().gsi1pk),
    });
    return items.map((i) => ({ kid: String(i.kid), municipality: String(i.municipality), status: i.status as PublishedKey['status'], createdAt: String(i.createdAt), jwk: i.jwk as JWK }));
  }

  /** Test and operations hook: mark a key withdrawn (compromised) so it is no longer published. */
  async setStatus(municipality: string, kid: string, status: PublishedKey['status']): Promise<void> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.issuerKey(municipality, kid), ConsistentRead: true }));
    if (!Item) throw new Error(`issuer key ${kid} not found`);
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...Item, status } }));
  }
}

const publicOnly = (jwk: JWK): JWK => ({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' });
