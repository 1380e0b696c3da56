// ESLint flat config. Besides the usual TypeScript rules it enforces the dependency rule of
// docs/architecture.md: apps may import libs; no app imports another app; libs never import apps.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const root = path.dirname(new URL(import.meta.url).pathname);

/** Every app folder: apps/sandbox and apps/<layer>/<app>. */
function appDirs() {
  const apps = [];
  for (const entry of fs.readdirSync(path.join(root, 'apps'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join('apps', entry.name);
    if (fs.existsSync(path.join(root, dir, 'src'))) apps.push(dir);
    else
      for (const app of fs.readdirSync(path.join(root, dir), { withFileTypes: true }))
        if (app.isDirectory()) apps.push(path.join(dir, app.name));
  }
  return apps;
}

const apps = appDirs();

/** A pattern that matches a relative import landing inside `target` from anywhere. */
const reaching = (target) => [`**/${target}`, `**/${target}/**`];

const appBoundaries = apps.map((app) => {
  const others = apps.filter((a) => a !== app);
  return {
    files: [`${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: others.flatMap((other) => reaching(path.basename(other))),
              message:
                'No app imports another app: talk to it over HTTP through its typed client (libs/clients).',
            },
            {
              group: ['**/libs/*/src/**', '**/libs/*/src'],
              message: 'Import a lib by its alias (@plantsync/<lib>), never by path.',
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'var/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**', '**/apps'], message: 'Libs never import apps.' },
          ],
        },
      ],
    },
  },
  ...appBoundaries,
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read response bodies of many shapes; typing each one would add noise, not safety.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
