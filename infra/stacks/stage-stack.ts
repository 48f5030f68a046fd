// The API's $default stage, deployed after every context stack: its per-route limits name routes that must exist.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpStage, LogGroupLogDestination, type CfnStage, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
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
  /** The Jobs stack's alarm topic. */
  readonly alarms: ITopic;
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

    // A 500 is a bug, and a 503/504 an integration failing: any 5xx in five minutes reaches the operators.
    new Alarm(this, 'ServerErrorsAlarm', {
      alarmDescription: 'HTTP API: 5xx answers (a handler failed, timed out or could not be invoked) — see the access logs',
      metric: this.stage.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1, evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(props.alarms));

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
  }
}
