/**
 * Writes each system API's OpenAPI document to docs/openapi/<app>.json (`npm run openapi`), or with
 * `--check` fails when a checked-in document is stale (`npm run openapi:check`, part of `npm test`),
 * so the published contract can never drift from the code.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Landscape, loadLandscape } from '@plantsync/landscape';
import { createErpApi } from '../apps/system/erp-api/src/erp-api.app';
import { createMesApi } from '../apps/system/mes-api/src/mes-api.app';
import { createWmsApi } from '../apps/system/wms-api/src/wms-api.app';
import { createOrderReleaseApi } from '../apps/process/order-release/src/order-release.app';
import { createInventoryTransferApi } from '../apps/process/inventory-transfer/src/inventory-transfer.app';
import { createProductionSyncApi } from '../apps/process/production-sync/src/production-sync.app';
import { createReconciliationApi } from '../apps/process/reconciliation/src/reconciliation.app';

const APPS: Array<[string, (opts: { landscape?: Landscape }) => Promise<NestFastifyApplication>]> = [
  ['erp-api', createErpApi],
  ['mes-api', createMesApi],
  ['wms-api', createWmsApi],
  // Only the REST side: the document must not depend on whether workers run.
  ['order-release', () => createOrderReleaseApi({ env: { ORDER_RELEASE_ROLE: 'api' }, recovery: false })],
  ['inventory-transfer', () => createInventoryTransferApi({ role: 'api', recovery: false })],
  ['production-sync', () => createProductionSyncApi({ role: 'api' })],
  ['reconciliation', () => createReconciliationApi({ schedule: false })],
];

async function documentOf(create: (opts: { landscape?: Landscape }) => Promise<NestFastifyApplication>): Promise<string> {
  const app = await create({});
  try {
    await app.init();
    const res = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /docs/openapi.json answered ${res.statusCode}`);
    return JSON.stringify(JSON.parse(res.body), null, 2) + '\n';
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const temp = mkdtempSync(join(tmpdir(), 'plantsync-openapi-'));
  // Booting needs a database file, credentials the landscape names and quiet logs; nothing is called.
  Object.assign(process.env, { LOG_LEVEL: 'silent', DATABASE_SQLITE_PATH: join(temp, 'openapi.sqlite') });
  for (const [name, value] of Object.entries(loadLandscape().credentialsEnv('unused'))) process.env[name] ??= value;
  delete process.env.DATABASE_URL;
  const stale: string[] = [];
  try {
    mkdirSync('docs/openapi', { recursive: true });
    for (const [name, create] of APPS) {
      const file = join('docs/openapi', `${name}.json`);
      const doc = await documentOf(create);
      if (check) {
        let current = '';
        try {
          current = readFileSync(file, 'utf8');
        } catch {
          // missing counts as stale
        }
        if (current !== doc) stale.push(file);
      } else {
        writeFileSync(file, doc);
        console.log(`wrote ${file}`);
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  if (stale.length > 0) {
    console.error(`OpenAPI documents are stale: ${stale.join(', ')}\nRun \`npm run openapi\` and commit the result.`);
    process.exit(1);
  }
  if (check) console.log('OpenAPI documents are up to date');
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
