// Four tiers, one runner. `npm test` runs them all; `--selectProjects <tier>` runs one.
// Integration, e2e and fault tests talk to the real Redis and PostgreSQL (see test/README.md).
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const libs = fs.readdirSync(path.join(__dirname, 'libs'));
const moduleNameMapper = Object.fromEntries(
  libs.map((lib) => [`^@plantsync/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`]),
);

// NestJS 12 and some of its dependencies ship ESM only. Node 20 can require(esm), Jest 30 can
// not (before Node 24.9), so those packages go through swc to CommonJS like our own code.
const esmPackages = (() => {
  const nm = path.join(__dirname, 'node_modules');
  const names = [];
  const isEsm = (dir) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  };
  for (const entry of fs.existsSync(nm) ? fs.readdirSync(nm) : []) {
    if (entry.startsWith('@'))
      for (const sub of fs.readdirSync(path.join(nm, entry)))
        isEsm(path.join(nm, entry, sub)) && names.push(`${entry}/${sub}`);
    else if (isEsm(path.join(nm, entry))) names.push(entry);
  }
  return names.map((n) => n.replace(/[.+]/g, '\\$&'));
})();

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', swcConfig] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault.ts'] },
  ],
  testTimeout: 30000,
};
