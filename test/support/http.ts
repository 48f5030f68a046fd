// Helpers for e2e tests: real tokens from the local identity provider, fetch against the local gateway.
import { inject } from 'vitest';
import { signToken, type TokenRequest } from '../../lib/local/identity-provider.js';

export const baseUrl = () => inject('baseUrl');

export function tokenFor(request: TokenRequest): Promise<string> {
  return signToken(inject('localKeys'), request);
}

export async function call(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl()}${path}`, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, text, json: /json/.test(type) && text ? JSON.parse(text) : undefined };
}
