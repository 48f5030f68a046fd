import { GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { SsmKeyVault } from '../../../lib/credentials/ssm-key-vault.js';

// Parameter Store has no local emulator here: a map stands in for the service behind the mock.
describe('SsmKeyVault', () => {
  const client = new SSMClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const ssm = mockClient(client);
  afterEach(() => ssm.reset());

  const withStore = () => {
    const parameters = new Map<string, { value: string; type?: string; overwrite?: boolean }>();
    ssm.on(PutParameterCommand).callsFake((input: { Name: string; Value: string; Type?: string; Overwrite?: boolean }) => {
      if (parameters.has(input.Name) && !input.Overwrite) throw new ParameterAlreadyExists({ message: 'exists', $metadata: {} });
      parameters.set(input.Name, { value: input.Value, type: input.Type, overwrite: input.Overwrite });
      return { Version: 1 };
    });
    ssm.on(GetParameterCommand).callsFake((input: { Name: string; WithDecryption?: boolean }) => {
      const stored = parameters.get(input.Name);
      if (!stored) throw new ParameterNotFound({ message: 'not found', $metadata: {} });
      return { Parameter: { Name: input.Name, Value: input.WithDecryption ? stored.value : 'AQICAH-ciphertext', Type: stored.type } };
    });
    return parameters;
  };

  it('stores the private half as a SecureString under <prefix>/<kid> and signs with it what the public half verifies', async () => {
    const parameters = withStore();
    const vault = new SsmKeyVault(client, '/jaunatne/issuer-keys');
    const publicJwk = await vault.create('LV-042#2026-01');
    expect([...parameters.keys()]).toEqual(['/jaunatne/issuer-keys/LV-042_2026-01']);
    expect(parameters.get('/jaunatne/issuer-keys/LV-042_2026-01')).toMatchObject({ type: 'SecureString', overwrite: false });
    expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'LV-042#2026-01', alg: 'EdDSA' });
    expect(publicJwk.d).toBeUndefined();
    const privateKey = await vault.privateKey('LV-042#2026-01');
    const jws = await new CompactSign(new TextEncoder().encode('apliecinājums')).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey!);
    const { payload } = await compactVerify(jws, await importJWK(publicJwk, 'EdDSA'));
    expect(new TextDecoder().decode(payload)).toBe('apliecinājums');
  });

  it('refuses to create the same kid twice (rotation is a new kid)', async () => {
    withStore();
    const vault = new SsmKeyVault(client, '/p');
    await vault.create('LV-RIX#2026-01');
    await expect(vault.create('LV-RIX#2026-01')).rejects.toBeInstanceOf(ParameterAlreadyExists);
  });

  it('answers undefined for an unknown kid and reads each parameter once per process', async () => {
    withStore();
    const vault = new SsmKeyVault(client, '/p');
    expect(await vault.privateKey('LV-999#2026-01')).toBeUndefined();
    await vault.create('LV-068#2026-01');
    const fresh = new SsmKeyVault(client, '/p');
    await fresh.privateKey('LV-068#2026-01');
    await fresh.privateKey('LV-068#2026-01');
    expect(ssm.commandCalls(GetParameterCommand).filter((c) => c.args[0].input.Name === '/p/LV-068_2026-01')).toHaveLength(1);
  });

  it('passes a throttled read on as an error and retries it on the next call', async () => {
    const vault = new SsmKeyVault(client, '/p');
    ssm.on(GetParameterCommand).rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' })).resolves({ Parameter: undefined });
    await expect(vault.privateKey('LV-042#2026-01')).rejects.toThrow(/slow down/);
    expect(await vault.privateKey('LV-042#2026-01')).toBeUndefined();
  });
});
