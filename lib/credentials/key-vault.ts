// Private issuer keys as a port: locally Ed25519 JWK files in a directory; in AWS Parameter Store (ssm-key-vault.ts).
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Holds the private halves; the public halves and the key status live in the table (DynamoKeyStore).
 * In AWS the vault is Parameter Store (one SecureString per kid, `/jaunatne/issuer-keys/<kid>`, created by the
 * same `create` and read by `privateKey`).
 */
export interface KeyVault {
  /** Generates a new Ed25519 key under `kid`, stores its private half and returns the public JWK. */
  create(kid: string): Promise<JWK>;
  privateKey(kid: string): Promise<CryptoKey | undefined>;
}

const fileName = (kid: string) => `${kid.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;

/** Private JWKs as files in `<dir>/<kid>.json` (mode 0600): the local stack uses `<dataDir>/issuer-keys/`. */
export class FileKeyVault implements KeyVault {
  private readonly cache = new Map<string, Promise<CryptoKey | undefined>>();
  constructor(private readonly dir: string) {}

  async create(kid: string): Promise<JWK> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, fileName(kid)), JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }), { mode: 0o600, flag: 'wx' });
    return { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  }

  privateKey(kid: string): Promise<CryptoKey | undefined> {
    let key = this.cache.get(kid);
    if (!key) {
      key = readFile(join(this.dir, fileName(kid)), 'utf8').then(
        async (text) => (await importJWK(JSON.parse(text) as JWK, 'EdDSA')) as CryptoKey,
        () => undefined,
      );
      this.cache.set(kid, key);
    }
    return key;
  }
}

/** A vault in memory, for use-case tests and the bench. */
export class InMemoryKeyVault implements KeyVault {
  private readonly keys = new Map<string, CryptoKey>();
  async create(kid: string): Promise<JWK> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    this.keys.set(kid, privateKey);
    return { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  }
  async privateKey(kid: string): Promise<CryptoKey | undefined> {
    return this.keys.get(kid);
  }
}
