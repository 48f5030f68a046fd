// Helpers for e2e tests on real accounts: cognito-local's pool through @aws-sdk/client-cognito-identity-provider.
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export const cognito = () => new CognitoIdentityProviderClient({
  endpoint: inject('cognitoEndpoint'), region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

export const STRONG_PASSWORD = 'Jaunatne-2026-parole!';

export interface Registration {
  email: string;
  name?: string;
  password?: string;
  birthdate?: string;
  municipality?: string;
}

export function signUp(client: CognitoIdentityProviderClient, r: Registration) {
  const attributes = [
    { Name: 'email', Value: r.email },
    { Name: 'name', Value: r.name ?? 'Anna Bērziņa' },
    ...(r.birthdate ? [{ Name: 'birthdate', Value: r.birthdate }] : []),
    ...(r.municipality ? [{ Name: 'custom:home_municipality', Value: r.municipality }] : []),
  ];
  return client.send(new SignUpCommand({ ClientId: inject('userPoolClientId'), Username: r.email, Password: r.password ?? STRONG_PASSWORD, UserAttributes: attributes }));
}

/** The last code cognito-local "emailed" to `email` (the local stack appends its mails to cognito-mail.jsonl). */
export function lastCodeFor(email: string): string | undefined {
  const lines = readFileSync(join(inject('e2eDataDir'), 'tmp', 'cognito-mail.jsonl'), 'utf8').trim().split('\n');
  const mails = lines.map((l) => JSON.parse(l) as { destination: string; code?: string }).filter((m) => m.destination === email);
  return mails.at(-1)?.code;
}

export function confirm(client: CognitoIdentityProviderClient, email: string, code: string) {
  return client.send(new ConfirmSignUpCommand({ ClientId: inject('userPoolClientId'), Username: email, ConfirmationCode: code }));
}

export async function signIn(client: CognitoIdentityProviderClient, email: string, password = STRONG_PASSWORD) {
  const out = await client.send(new InitiateAuthCommand({
    ClientId: inject('userPoolClientId'), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password },
  }));
  return out;
}
