// The CredentialSigner adapter: the Open Badges 3.0 credential, signed as a VC-JWT with the municipality's Ed25519 key (jose).
import type { CredentialSigner } from '../domain/certificates/ports.js';
import { buildOpenBadgeCredential } from './open-badge.js';
import { signCredential } from './vc-jwt.js';

export const signOpenBadgeCredential: CredentialSigner = (input, key) => signCredential(buildOpenBadgeCredential(input), key);
