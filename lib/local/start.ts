// `npm start`: the local stack with demo data, printed addresses and tokens; Ctrl-C stops everything.
import { join } from 'node:path';
import { adminClient } from './cognito-local.js';
import { DEMO_USERS } from './demo.js';
import { seedDemoAccounts } from './demo-accounts.js';
import { DEMO_INSTITUTION_ID, seedDemoHours } from './demo-hours.js';
import { seedDemoYouthHouse } from './demo-youth-house.js';
import { DynamoNewsRepository } from '../data/news-repository.js';
import { DynamoYouthHouseRepository } from '../data/youth-house-repository.js';
import { JavaMissingError } from './dynamodb-local.js';
import { PROJECT_ROOT, startLocalStack } from './stack.js';
import { DEFAULT_CERTIFICATE_RUN_SCHEDULE, startHourlyScheduler, startMinutelyScheduler, startYearlyScheduler } from './scheduler.js';
import { rigaHour, systemClock } from '../domain/clock.js';
import { recognitionYear } from '../domain/certificates/eligibility.js';
import { finishPendingEmails } from '../domain/certificates/use-cases/emails.js';
import { startRun } from '../domain/certificates/use-cases/runs.js';
import { sendDecisionDigests } from '../domain/hours/use-cases/decision-digest.js';
import { certificateDeps } from '../wiring/deps.js';
import { digestDeps } from '../wiring/pages.js';
import { sweepDeps } from '../wiring/youth-house-sweep.js';
import { erasureDeps } from '../wiring/erasure.js';
import { ERASURE_AT, eraseExpiredAccounts } from '../domain/accounts/use-cases/erase-expired-accounts.js';
import { SWEEP_EVERY_MINUTES, sweepYouthHouse } from '../domain/youth-house/notifications.js';

/** How often `npm start` sweeps the pending certificate emails (the EmailSweep schedule's stand-in). */
const LOCAL_EMAIL_SWEEP_MS = 60_000;

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, not "${process.env.PORT}".`);
  process.exit(2);
}

const certificates = certificateDeps();

try {
  const stack = await startLocalStack({
    dataDir: join(PROJECT_ROOT, '.local'),
    persist: true,
    fresh,
    port,
    onRequest: ({ method, path, status, ms }) => console.log(`${method} ${path} → ${status} (${ms.toFixed(1)} ms)`),
  });
  await seedDemoHours(stack.runtime.repositories);
  // the demo users as real accounts in cognito-local (staff with TOTP on), each signed in once for a ready token
  const cognitoAdmin = adminClient(stack.cognito.endpoint);
  const accounts = await seedDemoAccounts(DEMO_USERS, {
    client: cognitoAdmin, userPoolId: stack.cognito.userPoolId, clientId: stack.cognito.clientId,
    secretsFile: join(PROJECT_ROOT, '.local', 'demo-totp.json'),
  });
  cognitoAdmin.destroy();
  await seedDemoYouthHouse({
    youthHouse: new DynamoYouthHouseRepository(stack.runtime.db, stack.tableName), news: new DynamoNewsRepository(stack.runtime.db, stack.tableName),
  });
  console.log(`
Jaunatnes darba platforma — local stack is running${fresh ? ' (fresh data)' : ''}

  API gateway     ${stack.baseUrl}
  API reference   ${stack.baseUrl}/docs
  OpenAPI         ${stack.baseUrl}/openapi.json
  DynamoDB Local  ${stack.dynamo.endpoint}  (table ${stack.tableName}, data in .local/dynamodb)
  Cognito (local) ${stack.cognito.endpoint}  (pool ${stack.cognito.userPoolId}, app client ${stack.cognito.clientId}, data in .local/cognito)
  Signing key     .local/jwt-key.json  (npm run token -- --role youth --sub u-1 --municipality LV-042)

Demo accounts (sign in with USER_PASSWORD_AUTH; coordinators and agency staff answer a TOTP code) and their ID tokens (valid 24 h):`);
  for (const { user, totpSecret, totpUri, idToken } of accounts) {
    console.log(`  ${user.label}: ${user.email} / ${user.password}`);
    if (totpSecret) console.log(`    TOTP secret ${totpSecret}  (${totpUri})`);
    console.log(`    ${idToken}\n`);
  }
  console.log(`Try: curl -H "Authorization: Bearer <token>" ${stack.baseUrl}/v1/me\nCtrl-C stops everything.\n`);
  console.log(`Logbook: the demo youth logs hours at institution ${DEMO_INSTITUTION_ID} (POST /v1/hour-entries); the demo supervisor decides them.\n`);
  console.log(`Youth house (Jēkabpils novads): ${stack.baseUrl}/v1/municipalities/LV-042/opportunities, …/news,
  feeds ${stack.baseUrl}/v1/municipalities/LV-042/feed.atom and ${stack.baseUrl}/v1/municipalities/LV-042/shifts.ics
  (the demo youth's private calendar: PUT /v1/me/calendar).\n`);

  // the yearly recognition run (EventBridge Scheduler in AWS): previous year, 15 January 06:00 Riga
  const yearly = startYearlyScheduler({
    clock: systemClock, schedule: DEFAULT_CERTIFICATE_RUN_SCHEDULE,
    job: async (at) => console.log('yearly certificate run started', await startRun(certificates, { system: 'schedule' }, { year: recognitionYear(at) })),
  });
  console.log(`Certificates: the yearly recognition run fires at ${yearly.next().toISOString()} (npm run certificates -- --year <year> runs one now).\n`);

  // the supervisors' daily digest (an hourly EventBridge schedule in AWS): each programme's hour, once a day
  // and the nightly erasure of closed accounts whose retention ended (its Riga hour's tick; 03:30 in AWS)
  const digests = digestDeps();
  const erasure = erasureDeps();
  startHourlyScheduler({
    clock: systemClock,
    job: async (at) => {
      const counts = await sendDecisionDigests(digests, at);
      if (counts.sent + counts.failed > 0) console.log('decision digests', counts);
      if (rigaHour(at) === ERASURE_AT.hour) {
        const erased = await eraseExpiredAccounts(erasure);
        if (erased.erased + erased.failed > 0) console.log('closed accounts erased', erased);
      }
    },
  });

  // the youth house's sweep (an EventBridge schedule every 5 minutes in AWS): expired offers pass on; offer,
  // reminder and cancellation emails land in the local outbox
  const youthHouse = sweepDeps();
  startMinutelyScheduler({
    clock: systemClock, minutes: SWEEP_EVERY_MINUTES,
    job: async (at) => {
      const counts = await sweepYouthHouse(youthHouse, at);
      if (Object.values(counts).some((n) => n > 0)) console.log('youth-house sweep', counts);
    },
  });

  // the email sweep (an EventBridge schedule in AWS): certificate emails a killed or failed send left pending
  const sweep = setInterval(() => {
    finishPendingEmails(certificates).then(
      (counts) => { if (counts.sent + counts.failed > 0) console.log('pending certificate emails finished', counts); },
      (error) => console.error('certificate email sweep failed', error),
    );
  }, LOCAL_EMAIL_SWEEP_MS);
  sweep.unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the gateway and DynamoDB Local…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof JavaMissingError || (error instanceof Error && /already in use|Java/.test(error.message))) {
    console.error(`\nCannot start the local stack: ${error.message}\n`);
  } else {
    console.error('\nCannot start the local stack:', error);
  }
  process.exit(1);
}
