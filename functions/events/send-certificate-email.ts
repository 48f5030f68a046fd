// EventBridge rule target: CertificateIssued → one email per certificate (idempotent on the event id).
import type { CertificateIssued } from '../../lib/domain/certificates/use-cases/deps.js';
import { sendCertificateEmail } from '../../lib/domain/certificates/use-cases/reactions.js';
import { reactTo } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = reactTo<CertificateIssued>('CertificateIssued', (event) => sendCertificateEmail(deps, event), logger);
