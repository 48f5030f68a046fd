// `npm run bench`: every benchmark section in turn, printing figures and ratios (never asserted in tests).
import { benchApplications } from './applications.js';
import { benchBundles } from './bundles.js';
import { benchCertificates } from './certificates.js';
import { benchCertificateRuns } from './certificate-runs.js';
import { benchAllocation } from './allocation.js';
import { benchHours } from './hours.js';
import { benchPlatform } from './platform.js';

const sections: { name: string; run: () => Promise<void> }[] = [
  { name: 'bundles', run: benchBundles },
  { name: 'platform', run: benchPlatform },
  { name: 'applications', run: benchApplications },
  { name: 'certificates', run: benchCertificates },
  { name: 'certificate-runs', run: benchCertificateRuns },
  { name: 'allocation', run: benchAllocation },
  { name: 'hours', run: benchHours },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name)) continue;
  console.log(`\n# ${section.name}`);
  await section.run();
}
