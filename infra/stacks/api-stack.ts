// The API's front door: Cognito and the HTTP API with its JWT authorizer. Routes, functions and the stage live in other stacks.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpAuthorizer, HttpAuthorizerType } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import * as z from 'zod';
import type { RouteDef } from '../../lib/http/route.js';
import { routeList } from '../../lib/http/routes.js';
import { Identity } from '../constructs/identity.js';
import type { Settings } from '../settings.js';

export interface ApiStackProps extends StackProps {
  readonly settings: Settings;
  /** The Data stack's table, for the Cognito triggers. */
  readonly table: ITableV2;
}

/**
 * Small on purpose: every bounded context stack adds its routes to this API by reference, and the stage stack
 * deploys it once they exist. The construct ids of the user pool and the API are those they had when this stack
 * held everything, so an existing deployment keeps its users and its API URL.
 */
export class ApiStack extends Stack {
  readonly identity: Identity;
  readonly api: HttpApi;
  /** Verifies Cognito ID tokens of the app client; context stacks attach it to every non-public route. */
  readonly authorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.identity = new Identity(this, 'Identity', {
      senderEmail: settings.sesSenderIdentity,
      threatProtection: settings.threatProtection,
      table: props.table,
      tracing: settings.tracing,
    });

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: id,
      description: 'Jaunatnes darba platforma: youth-work API (routes from lib/http/routes.ts)',
      createDefaultStage: false,
      ...(settings.allowedOrigins.length > 0 ? { corsPreflight: corsFor(settings.allowedOrigins) } : {}),
    });
    this.authorizer = new HttpAuthorizer(this, 'CognitoIdToken', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      authorizerName: 'cognito-id-token',
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: this.identity.userPool.userPoolProviderUrl,
      jwtAudience: [this.identity.client.userPoolClientId],
    });

    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId, description: 'Audience of the ID tokens the API accepts' });
    new CfnOutput(this, 'JwtIssuer', { value: this.identity.userPool.userPoolProviderUrl });
  }
}

/** Headers every route may receive from a browser: the token, the body type, the language and the correlation id. */
const COMMON_REQUEST_HEADERS = ['authorization', 'content-type', 'accept-language', 'x-correlation-id'];

/** The request headers routes declare (`headers` in the route table, e.g. idempotency-key), lower-case. */
export function declaredRequestHeaders(list: readonly RouteDef[]): string[] {
  return [...new Set(list.flatMap((route) => {
    if (!route.headers) return [];
    if (!(route.headers instanceof z.ZodObject)) throw new Error(`${route.id}: headers must be a z.object keyed by header name`);
    return Object.keys(route.headers.shape).map((name) => name.toLowerCase());
  }))];
}

/**
 * Bearer tokens, no cookies: credentials stay off; the methods are the ones the route table uses, and the
 * allowed headers include every header a route reads, so a browser's preflight for it succeeds.
 */
function corsFor(allowOrigins: string[]) {
  const methods = [...new Set(routeList.map((r) => r.method))].map((m) => CorsHttpMethod[m]);
  return {
    allowOrigins,
    allowMethods: [...methods, CorsHttpMethod.OPTIONS],
    allowHeaders: [...new Set([...COMMON_REQUEST_HEADERS, ...declaredRequestHeaders(routeList)])],
    exposeHeaders: ['x-correlation-id', 'content-language'],
    allowCredentials: false,
    maxAge: Duration.hours(1),
  };
}
