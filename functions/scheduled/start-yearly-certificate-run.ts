// EventBridge Scheduler target (default 15 January, Europe/Riga): the recognition run for the previous year, all municipalities.
import { recognitionYear } from '../../lib/domain/certificates/eligibility.js';
import { startRun } from '../../lib/domain/certificates/use-cases/runs.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = async (event: { year?: number } = {}) => {
  const year = event.year ?? recognitionYear(deps.clock.now());
  const run = await startRun(deps, { system: 'schedule' }, { year });
  logger.info('yearly certificate run started', { ...run });
  return run;
};
