// The certificate deps of the functions that issue or render certificates: the base deps plus the PDF renderer
// (pdf-lib, fonts, QR) and the credential signer (jose). Only their entries import this module.
import { signOpenBadgeCredential } from '../credentials/signer.js';
import type { CertificateDeps } from '../domain/certificates/use-cases/deps.js';
import { renderCertificatePdf } from '../pdf/certificate.js';
import { certificateDeps } from './deps.js';

let shared: CertificateDeps | undefined;

/** One deferred deps object per process (it follows installAdapters like every other). */
export function issuingCertificateDeps(): CertificateDeps {
  return (shared ??= certificateDeps({ renderPdf: (input) => renderCertificatePdf(input), signCredential: signOpenBadgeCredential }));
}
