// Private issuer keys in AWS Systems Manager Parameter Store: one SecureString parameter per key id, `<prefix>/<kid>`.
import { GetParameterCommand, ParameterNotFound, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { KeyVault } from './key-vault.js';

/**
 * The vault the signing functions use in AWS. Standard-tier SecureString parameters encrypted with the account's
 * `aws/ssm` key cost nothing (a Secrets Manager secret is USD 0.40 a month each, one per municipality), and an
 * Ed25519 private JWK (~200 bytes) fits their 4 KB easily. A parameter is only ever created (`Overwrite: false`:
 * a second create of the same kid fails, as the file vault's exclusive write does), never updated: rotation is a
 * new kid. Imported keys are cached for the life of the process and never logged.
 */
export class SsmKeyVault implements KeyVault {
  private readonly cache = new Map<string, Promise<CryptoKey | undefined>>();

  /** `prefix` is a parameter path such as `/jaunatne/issuer-keys` (leading slash, no trailing one). */
  constructor(private readonly client: SSMClient, private readonly prefix: string) {}

  /** Parameter names allow `a-zA-Z0-9_.-/`; a kid's `#` becomes `_`. */
  parameterName(kid: string): string {
    return `${this.prefix}/${kid.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  }

  async create(kid: string): Promise<JWK> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    await this.client.send(new PutParameterCommand({
      Name: this.parameterName(kid),
      Description: `Ed25519 issuer key ${kid} (certificates, Open Badges 3.0 VC-JWT)`,
      Value: JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }),
      Type: 'SecureString',
      Tier: 'Standard',
      Overwrite: false,
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
      const { Parameter } = await this.client.send(new GetParameterCommand({ Name: this.parameterName(kid), WithDecryption: true }));
      if (!Parameter?.Value) return undefined;
      return (await importJWK(JSON.parse(Parameter.Value) as JWK, 'EdDSA')) as CryptoKey;
    } catch (error) {
      if (error instanceof ParameterNotFound) return undefined;
      throw error;
    }
  }
}
