// SQS worker: one certificate batch per message; failed messages are reported back (retried, then parked in the DLQ).
import { processBatch } from '../../lib/domain/certificates/use-cases/runs.js';
import { certificateBatchHandler } from '../../lib/queues/certificate-batch-worker.js';
import { issuingCertificateDeps } from '../../lib/wiring/issuing.js';

const deps = issuingCertificateDeps();

export const handler = certificateBatchHandler((message) => processBatch(deps, message));
