// Alarms that reach someone: one SNS topic (email from the alarmEmail context value), and the alarms that notify it.
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct, IConstruct } from 'constructs';
import { AppFunction } from './app-function.js';

/** The operators' topic; without an address it still exists, so alarms are wired and a subscription can be added later. */
export function alarmTopic(scope: Construct, email: string | undefined): Topic {
  const topic = new Topic(scope, 'Alarms', { displayName: 'Jaunatne alarms', enforceSSL: true });
  if (email) topic.addSubscription(new EmailSubscription(email));
  return topic;
}

/** Every alarm defined under `scope` (e.g. a construct's DLQ alarm) notifies the topic. */
export function notifyOnEveryAlarm(scope: IConstruct, topic: ITopic): void {
  for (const alarm of scope.node.findAll().filter((c): c is Alarm => c instanceof Alarm)) alarm.addAlarmAction(new SnsAction(topic));
}

/** One alarm per function of `scope`: any error (an exception, a timeout, a crash) in five minutes. */
export function alarmOnFunctionErrors(scope: IConstruct, topic: ITopic): void {
  for (const fn of scope.node.findAll().filter((c): c is AppFunction => c instanceof AppFunction)) {
    new Alarm(fn.node.scope as Construct, `${fn.node.id}ErrorsAlarm`, {
      alarmDescription: `${fn.node.path}: the function failed (errors, timeouts) — see its log group`,
      metric: fn.metricErrors({ period: Duration.minutes(5) }),
      threshold: 1, evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(topic));
  }
}
