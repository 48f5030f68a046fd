// The API's $default stage, deployed after every context stack: its per-route limits name routes that must exist.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpStage, LogGroupLogDestination, type CfnStage, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { routeList } from '../../lib/http/routes.js';

/** Steady rate and burst for the whole stage (requests per second); the account limit is 10,000. */
export const STAGE_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/** One access-log line per request: enough to trace a call through the correlation id, no token or body. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
}));

export interface StageStackProps extends StackProps {
  readonly api: IHttpApi;
  /** The context stacks: API Gateway refuses route settings for a route key that does not exist yet. */
  readonly after: readonly Stack[];
}

export class StageStack extends Stack {
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: StageStackProps) {
    super(scope, id, props);
    for (const stack of props.after) this.addStackDependency(stack, 'route settings name the routes of every context');

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: props.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS })),
        format: ACCESS_LOG_FORMAT,
      },
    });

    // Per-route limits below the stage's (no L2 for them: the raw CloudFormation property, hence PascalCase keys).
    const routeSettings = Object.fromEntries(routeList.filter((r) => r.throttle).map((r) => [
      `${r.method} ${r.path}`, { ThrottlingRateLimit: r.throttle!.rate, ThrottlingBurstLimit: r.throttle!.burst },
    ]));
    if (Object.keys(routeSettings).length > 0) (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
  }
}
