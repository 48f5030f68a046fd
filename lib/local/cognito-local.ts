// cognito-local (the Cognito emulator, npm) in this process: its own data dir, a user pool and app client made with
// the same SDK calls as in AWS, triggers invoked through the gateway's Lambda-Invoke endpoint, mails kept for tests.
import { appendFileSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Server } from 'node:http';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { PASSWORD_POLICY, passwordIssue } from '../domain/accounts/password-policy.js';
import { ROLES } from '../domain/identity/types.js';
import { freePort } from './dynamodb-local.js';

const require = createRequire(import.meta.url);

/** The Lambda Invoke API path cognito-local's (aws-sdk v2) Lambda client posts to. */
export const LAMBDA_INVOKE_PREFIX = '/2015-03-31/functions/';
export const USER_POOL_NAME = 'jaunatne-local';
export const APP_CLIENT_NAME = 'app';

/** A message cognito-local would have emailed (confirmation codes, temporary passwords). */
export interface CognitoMail {
  username: string;
  destination: string;
  code: string | undefined;
  subject: string | undefined;
  body: string | undefined;
}

export interface RunningCognito {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  /** Mails sent so far (also appended to <dataDir>/cognito-mail.jsonl). */
  mails: CognitoMail[];
  verify(token: string): Promise<JWTPayload>;
  stop(): Promise<void>;
}

export interface CognitoLocalOptions {
  dataDir: string;
  /** Base URL of the Lambda-Invoke-compatible endpoint (the local gateway) the triggers are invoked through. */
  lambdaEndpoint: string;
  /** cognito-local trigger name → function name at that endpoint. */
  triggers: Record<string, string>;
  host?: string;
}

const silentLogger = () => {
  const logger: Record<string, unknown> = {};
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) logger[level] = () => undefined;
  logger.child = () => logger;
  logger.level = 'silent';
  return logger;
};

/** Starts the emulator on a free port with its data under <dataDir>/cognito, and ensures the pool, groups and app client. */
/** Where each call that sets a password carries it (the same calls Cognito checks against the pool's policy). */
const PASSWORD_OF: Record<string, (req: Record<string, unknown>) => string | undefined> = {
  SignUp: (r) => r.Password as string | undefined,
  AdminSetUserPassword: (r) => r.Password as string | undefined,
  AdminCreateUser: (r) => r.TemporaryPassword as string | undefined,
  ChangePassword: (r) => r.ProposedPassword as string | undefined,
  ConfirmForgotPassword: (r) => r.Password as string | undefined,
  RespondToAuthChallenge: (r) => (r.ChallengeResponses as Record<string, string> | undefined)?.NEW_PASSWORD,
};

export async function startCognitoLocal(options: CognitoLocalOptions): Promise<RunningCognito> {
  const host = options.host ?? '127.0.0.1';
  const port = await freePort(host);
  const endpoint = `http://${host}:${port}`;
  const dataDirectory = join(options.dataDir, 'cognito');
  mkdirSync(dataDirectory, { recursive: true });
  const mailLog = join(options.dataDir, 'cognito-mail.jsonl');
  const mails: CognitoMail[] = [];

  // The pieces of cognito-local's createDefaultServer, with our data dir, config and mail sink instead of its cwd and console.
  const AWS = require('aws-sdk') as { Lambda: new (config: unknown) => unknown };
  const services = require('cognito-local/lib/services/index.js');
  const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService.js');
  const { CryptoService } = require('cognito-local/lib/services/crypto.js');
  const { StormDBDataStoreFactory } = require('cognito-local/lib/services/dataStore/stormDb.js');
  const { MessageDeliveryService } = require('cognito-local/lib/services/messageDelivery/messageDelivery.js');
  const { otp } = require('cognito-local/lib/services/otp.js');
  const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator.js');
  const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService.js');
  const { Router } = require('cognito-local/lib/server/Router.js');
  const { createServer } = require('cognito-local/lib/server/server.js');
  const publicKey = require('cognito-local/lib/keys/cognitoLocal.public.json') as { jwk: JSONWebKeySet['keys'][number] };

  const config = {
    LambdaClient: { credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, region: 'local', endpoint: options.lambdaEndpoint },
    TokenConfig: { IssuerDomain: endpoint },
    TriggerFunctions: options.triggers,
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    KMSConfig: { credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, region: 'local' },
  };
  const ctx = { logger: silentLogger() };
  const clock = new services.DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
  const cognito = await new CognitoServiceFactoryImpl(dataDirectory, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory))
    .create(ctx, config.UserPoolDefaults);
  const triggers = new services.TriggersService(clock, cognito, new services.LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)), new CryptoService(config.KMSConfig));
  const sender = {
    record(user: { Username: string }, destination: string, message: { __code?: string; emailSubject?: string; emailMessage?: string; smsMessage?: string }) {
      const mail: CognitoMail = { username: user.Username, destination, code: message.__code, subject: message.emailSubject, body: message.emailMessage ?? message.smsMessage };
      mails.push(mail);
      appendFileSync(mailLog, `${JSON.stringify(mail)}\n`);
      return Promise.resolve();
    },
    sendEmail(_ctx: unknown, user: { Username: string }, destination: string, message: never) { return this.record(user, destination, message); },
    sendSms(_ctx: unknown, user: { Username: string }, destination: string, message: never) { return this.record(user, destination, message); },
  };
  const allServices = {
    clock, cognito, config, otp, triggers,
    messages: new services.MessagesService(triggers, new MessageDeliveryService(sender)),
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
  };
  // cognito-local stores any password: the pool's policy is enforced in front of it, as Cognito does
  const { InvalidPasswordError } = require('cognito-local/lib/errors.js') as { InvalidPasswordError: new () => Error };
  const router = Router(allServices) as (target: string) => (ctx: unknown, req: Record<string, unknown>) => Promise<unknown>;
  const guarded = (target: string) => {
    const route = router(target);
    const password = PASSWORD_OF[target];
    if (!password) return route;
    return (context: unknown, req: Record<string, unknown>) => {
      const given = password(req);
      if (given !== undefined && passwordIssue(given) !== null) return Promise.reject(new InvalidPasswordError());
      return route(context, req);
    };
  };
  const server = createServer(guarded, ctx.logger, { hostname: host, port, development: false }, allServices);
  const http = (await server.start()) as Server;

  try {
    const client = adminClient(endpoint);
    const { userPoolId, clientId } = await ensurePool(client);
    client.destroy();
    const issuer = `${endpoint}/${userPoolId}`;
    const jwks = createLocalJWKSet({ keys: [publicKey.jwk] });
    const verify = async (token: string) => {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience: clientId, algorithms: ['RS256'] });
      return payload;
    };
    const stop = () => new Promise<void>((r) => { http.closeAllConnections(); http.close(() => r()); });
    return { endpoint, userPoolId, clientId, issuer, mails, verify, stop };
  } catch (error) {
    http.close();
    throw error;
  }
}

export function adminClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/**
 * The pool as infra/constructs/identity.ts declares it (email sign-in, TOTP optional, the custom attributes,
 * one group per role) and the app client; found by name on a persisted data dir, created otherwise.
 */
export async function ensurePool(client: CognitoIdentityProviderClient): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === USER_POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await client.send(new CreateUserPoolCommand({
      PoolName: USER_POOL_NAME,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      Policies: { PasswordPolicy: { MinimumLength: PASSWORD_POLICY.minLength, RequireLowercase: PASSWORD_POLICY.lowercase, RequireUppercase: PASSWORD_POLICY.uppercase, RequireNumbers: PASSWORD_POLICY.digits, RequireSymbols: PASSWORD_POLICY.symbols, TemporaryPasswordValidityDays: 7 } },
      Schema: [
        { Name: 'municipality', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MaxLength: '16' } },
        { Name: 'institution', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MaxLength: '128' } },
        { Name: 'home_municipality', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MaxLength: '16' } },
      ],
    }));
    userPoolId = created.UserPool!.Id!;
    for (const role of ROLES) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role }));
  }
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === APP_CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await client.send(new CreateUserPoolClientCommand({
      UserPoolId: userPoolId, ClientName: APP_CLIENT_NAME, GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }));
    clientId = created.UserPoolClient!.ClientId!;
  }
  return { userPoolId, clientId };
}

/**
 * The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) over the trigger handlers, so cognito-local
 * runs the same code the Cognito triggers run in AWS. A thrown error answers as Lambda does: `X-Amz-Function-Error:
 * Unhandled` and `{ errorMessage }`, which cognito-local turns into UserLambdaValidationException.
 */
export function lambdaInvokeHandler(handlers: () => Record<string, (event: never) => Promise<unknown>>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const name = decodeURIComponent(/^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1] ?? '');
    const handler = handlers()[name];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !handler) return reply(404, { Type: 'User', message: `Function not found: ${name}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    try {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as never;
      reply(200, await handler(event), { 'x-amz-executed-version': '$LATEST' });
    } catch (error) {
      const e = error as Error;
      reply(200, { errorType: e.name, errorMessage: e.message }, { 'x-amz-function-error': 'Unhandled' });
    }
  };
}

/**
 * cognito-local issues tokens to a disabled user (AdminDisableUser only sets Enabled: false); Cognito refuses them
 * ("User is disabled."). Locally the pre-token-generation trigger, which runs before every token (password sign-in,
 * MFA answer, refresh), is wrapped to refuse a disabled user first. Local only: in AWS Cognito does it itself.
 */
export function refusingDisabledUsers<E extends { userPoolId: string; userName: string }>(
  trigger: (event: E) => Promise<unknown>, endpoint: () => string | undefined,
) {
  return async (event: E): Promise<unknown> => {
    const client = adminClient(endpoint() ?? '');
    try {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }));
      if (user.Enabled === false) throw new Error('User is disabled.');
    } finally {
      client.destroy();
    }
    return trigger(event);
  };
}
