import { CreateSecretCommand, GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretsManagerKeyVault } from '../../../lib/credentials/secrets-manager-key-vault.js';

// Secrets Manager has no local emulator here: a map stands in for the service behind the mock.
describe('SecretsManagerKeyVault', () => {
  const client = new SecretsManagerClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const sm = mockClient(client);
  afterEach(() => sm.reset());

  const withStore = () => {
    const secrets = new Map<string, string>();
    sm.on(CreateSecretCommand).callsFake((input: { Name: string; SecretString: string }) => {
      if (secrets.has(input.Name)) throw new Error('ResourceExistsException');
      secrets.set(input.Name, input.SecretString);
      return { Name: input.Name };
    });
    sm.on(GetSecretValueCommand).callsFake((input: { SecretId: string }) => {
      const value = secrets.get(input.SecretId);
      if (!value) throw new ResourceNotFoundException({ message: 'not found', $metadata: {} });
      return { SecretString: value };
    });
    return secrets;
  };

  it('stores the private half under <prefix>/<kid> and signs with it what the public half verifies', async () => {
    const secrets = withStore();
    const vault = new SecretsManagerKeyVault(client, 'jaunatne/issuer-keys');
    const publicJwk = await vault.create('LV-042#2026-01');
    expect([...secrets.keys()]).toEqual(['jaunatne/issuer-keys/LV-042_2026-01']);
    expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'LV-042#2026-01', alg: 'EdDSA' });
    expect(publicJwk.d).toBeUndefined();
    const privateKey = await vault.privateKey('LV-042#2026-01');
    const jws = await new CompactSign(new TextEncoder().encode('apliecinājums')).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey!);
    const { payload } = await compactVerify(jws, await importJWK(publicJwk, 'EdDSA'));
    expect(new TextDecoder().decode(payload)).toBe('apliecinājums');
  });

  it('refuses to create the same kid twice (rotation is a new kid)', async () => {
    withStore();
    const vault = new SecretsManagerKeyVault(client, 'p');
    await vault.create('LV-RIX#2026-01');
    await expect(vault.create('LV-RIX#2026-01')).rejects.toThrow(/ResourceExists/);
  });

  it('answers undefined for an unknown kid and reads each secret once per process', async () => {
    withStore();
    const vault = new SecretsManagerKeyVault(client, 'p');
    expect(await vault.privateKey('LV-999#2026-01')).toBeUndefined();
    await vault.create('LV-068#2026-01');
    const fresh = new SecretsManagerKeyVault(client, 'p');
    await fresh.privateKey('LV-068#2026-01');
    await fresh.privateKey('LV-068#2026-01');
    expect(sm.commandCalls(GetSecretValueCommand).filter((c) => c.args[0].input.SecretId === 'p/LV-068_2026-01')).toHaveLength(1);
  });

  it('passes a throttled read on as an error and retries it on the next call', async () => {
    const vault = new SecretsManagerKeyVault(client, 'p');
    sm.on(GetSecretValueCommand).rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' })).resolves({ SecretString: undefined });
    await expect(vault.privateKey('LV-042#2026-01')).rejects.toThrow(/slow down/);
    expect(await vault.privateKey('LV-042#2026-01')).toBeUndefined();
  });
});
