// The API's front door: Cognito and the HTTP API with its JWT authorizer. Routes, functions and the stage live in other stacks.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpAuthorizer, HttpAuthorizerType } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Construct } from 'constructs';
import { routeList } from '../../lib/http/routes.js';
import { Identity } from '../constructs/identity.js';
import type { Settings } from '../settings.js';

export interface ApiStackProps extends StackProps {
  readonly settings: Settings;
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

/** Bearer tokens, no cookies: credentials stay off; the methods are the ones the route table uses. */
function corsFor(allowOrigins: string[]) {
  const methods = [...new Set(routeList.map((r) => r.method))].map((m) => CorsHttpMethod[m]);
  return {
    allowOrigins,
    allowMethods: [...methods, CorsHttpMethod.OPTIONS],
    allowHeaders: ['authorization', 'content-type', 'accept-language', 'x-correlation-id'],
    exposeHeaders: ['x-correlation-id', 'content-language'],
    allowCredentials: false,
    maxAge: Duration.hours(1),
  };
}
