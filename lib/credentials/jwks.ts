// The JSON Web Key Set is built in the domain (lib/domain/certificates/credentials.ts); re-exported here beside the verifier.
export { buildJwks, type Jwks } from '../domain/certificates/credentials.js';
