// Wires the public pages' ports to their adapters, once per Lambda process (the pages read; they never write).
import { repositories } from '../data/repositories.js';
import type { VerificationPageDeps } from '../domain/certificates/use-cases/verification-page.js';

export function verificationPageDeps(): VerificationPageDeps {
  const { certificates, municipalities } = repositories();
  return { certificates, municipalities };
}
