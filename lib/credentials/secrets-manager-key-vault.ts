// Private issuer keys in AWS Secrets Manager: one secret per key id, `<prefix>/<kid>`, holding the private JWK.
import {
  CreateSecretCommand, GetSecretValueCommand, ResourceNotFoundException, type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { KeyVault } from './key-vault.js';

/**
 * The vault the signing functions use in AWS. A secret is only ever created (a second create of the same kid
 * fails, as the file vault's exclusive write does), never updated: rotation is a new kid. Imported keys are
 * cached for the life of the process and never logged.
 */
export class SecretsManagerKeyVault implements KeyVault {
  private readonly cache = new Map<string, Promise<CryptoKey | undefined>>();

  constructor(private readonly client: SecretsManagerClient, private readonly prefix: string) {}

  secretName(kid: string): string {
    return `${this.prefix}/${kid.replace(/[^A-Za-z0-9/_+=.@-]/g, '_')}`;
  }

  async create(kid: string): Promise<JWK> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    await this.client.send(new CreateSecretCommand({
      Name: this.secretName(kid),
      Description: `Ed25519 issuer key ${kid} (certificates, Open Badges 3.0 VC-JWT)`,
      SecretString: JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }),
    }));
    return { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  }

  privateKey(kid: string): Promise<CryptoKey | undefined> {
    let key = this.cache.get(kid);
    if (!key) {
      key = this.load(kid);
      this.cache.set(kid, key);
      key.catch(() => this.cache.delete(kid)); // a throttled read is retried on the next call
    }
    return key;
  }

  private async load(kid: string): Promise<CryptoKey | undefined> {
    try {
      const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretName(kid) }));
      if (!SecretString) return undefined;
      return (await importJWK(JSON.parse(SecretString) as JWK, 'EdDSA')) as CryptoKey;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }
}
