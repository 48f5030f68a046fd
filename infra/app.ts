// The CDK app the CLI runs (cdk.json: `tsx infra/app.ts`); the CLI synthesizes it when this process exits.
import { buildApp } from './build-app.js';

buildApp();
