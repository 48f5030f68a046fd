// The layering rules (`npm run depcruise`, part of `npm test`): the domain depends on nothing but itself and zod,
// local-only code never reaches a Lambda bundle, no cycles, and production code never imports tests.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-only-domain',
      comment: 'lib/domain imports only lib/domain, zod and node:crypto (hashing, UUIDs); adapters implement the ports it declares.',
      severity: 'error',
      from: { path: '^lib/domain/' },
      to: { pathNot: ['^lib/domain/', '(^|/)node_modules/zod/', '^crypto$', '^node:crypto$'] },
    },
    {
      name: 'no-local-in-functions',
      comment: 'Nothing under lib/local/ may reach a Lambda entry: the local adapters are installed by the local stack.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^lib/local/', reachable: true },
    },
    {
      name: 'no-local-in-aws-wiring',
      comment: 'The AWS composition root builds AWS adapters only.',
      severity: 'error',
      from: { path: '^lib/wiring/' },
      to: { path: '^lib/local/', reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-test-from-lib',
      severity: 'error',
      from: { path: '^(lib|functions|infra)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '(^|/)(node_modules|cdk\\.out|\\.local)/' },
  },
};
