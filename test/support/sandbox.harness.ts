import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createSandboxApp } from '../../apps/sandbox/src/sandbox.app';
import type { LedgerEntry, LedgerFilter } from '../../apps/sandbox/src/core';
import type { FaultSettingsInput } from '../../apps/sandbox/src/core';
import { makeTempDir } from './temp-dir';

export interface SandboxHarness {
  url: string;
  app: NestFastifyApplication;
  /** Every posting the sandbox applied, filtered. Read over HTTP, as an operator would. */
  ledger(filter?: LedgerFilter): Promise<LedgerEntry[]>;
  ledgerCount(filter?: LedgerFilter): Promise<number>;
  setFault(plant: string, system: 'erp' | 'mes' | 'wms', settings: FaultSettingsInput): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

function query(filter: LedgerFilter = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function expectOk(res: Response, what: string): Promise<Response> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return res;
}

/** Boots the sandbox (all simulators, demo dataset) on a fresh SQLite file and a port the OS picks. */
export async function startSandbox(opts: { seed?: boolean; dbFile?: string } = {}): Promise<SandboxHarness> {
  const temp = opts.dbFile ? undefined : makeTempDir('sandbox');
  const dbFile = opts.dbFile ?? join(temp!.dir, 'sandbox.sqlite');
  const app = await createSandboxApp({ dbFile, seed: opts.seed ?? true, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    app,
    async ledger(filter) {
      const res = await expectOk(await fetch(`${url}/admin/ledger${query(filter)}`), 'ledger');
      return ((await res.json()) as { entries: LedgerEntry[] }).entries;
    },
    async ledgerCount(filter) {
      const res = await expectOk(await fetch(`${url}/admin/ledger/count${query(filter)}`), 'ledger count');
      return ((await res.json()) as { count: number }).count;
    },
    async setFault(plant, system, settings) {
      await expectOk(
        await fetch(`${url}/admin/faults/${plant}/${system}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(settings),
        }),
        'set fault',
      );
    },
    async clearFaults() {
      await expectOk(await fetch(`${url}/admin/faults`, { method: 'DELETE' }), 'clear faults');
    },
    async close() {
      await app.close();
      temp?.cleanup();
    },
  };
}
