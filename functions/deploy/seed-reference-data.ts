// Deploy-time trigger: upserts the reference data (the municipality registry) into the table; re-runs when the bundle changes.
import { Logger } from '@aws-lambda-powertools/logger';
import { repositories } from '../../lib/wiring/deps.js';
import { MUNICIPALITIES } from '../../lib/domain/municipalities/registry.js';

const logger = new Logger();

/** Idempotent (puts by key), so a re-run after a failed deploy or a registry edit is always safe. */
export const handler = async (): Promise<{ municipalities: number }> => {
  await repositories().municipalities.putAll(MUNICIPALITIES);
  logger.info('reference data seeded', { municipalities: MUNICIPALITIES.length });
  return { municipalities: MUNICIPALITIES.length };
};
