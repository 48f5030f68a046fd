// `npm run bench`: every benchmark section in turn, printing figures and ratios (never asserted in tests).
// `npm run bench -- platform hours` runs some; `--smoke` (or BENCH_SMOKE=1) runs tiny sizes once, as `npm test` does.
import { startDynamoLocal } from '../lib/local/dynamodb-local.js';
import { SECTIONS } from './sections.js';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('-'));
const smoke = args.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const unknown = only.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) throw new Error(`unknown bench section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
// A full run gives each section a DynamoDB Local of its own (no figure pays for another's data); a smoke run shares one.
const dynamo = smoke ? await startDynamoLocal() : undefined;
try {
  for (const section of SECTIONS) {
    if (only.length > 0 && !only.includes(section.name)) continue;
    console.log(`\n# ${section.name}${smoke ? ' (smoke)' : ''}`);
    const started = performance.now();
    await section.run({ smoke, dynamo });
    console.log(`(${section.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  await dynamo?.stop();
}
