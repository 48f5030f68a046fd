// The benchmark sections, in the order `npm run bench` runs them (also run once in smoke mode by test/bench/).
import { benchAccounts } from './accounts.js';
import { benchAllocation } from './allocation.js';
import { benchApplications } from './applications.js';
import { benchBundles } from './bundles.js';
import { benchCertificateRuns } from './certificate-runs.js';
import { benchCertificates } from './certificates.js';
import { benchHours } from './hours.js';
import { benchPlatform } from './platform.js';
import { benchYouthHouse } from './youth-house.js';
import { benchYouthHouseSignUps } from './youth-house-sign-ups.js';
import type { BenchOptions } from './stats.js';

export const SECTIONS: readonly { name: string; run: (options: BenchOptions) => Promise<void> }[] = [
  { name: 'bundles', run: benchBundles },
  { name: 'platform', run: benchPlatform },
  { name: 'applications', run: benchApplications },
  { name: 'certificates', run: benchCertificates },
  { name: 'certificate-runs', run: benchCertificateRuns },
  { name: 'allocation', run: benchAllocation },
  { name: 'hours', run: benchHours },
  { name: 'youth-house', run: benchYouthHouse },
  { name: 'youth-house-sign-ups', run: benchYouthHouseSignUps },
  { name: 'accounts', run: benchAccounts },
];
