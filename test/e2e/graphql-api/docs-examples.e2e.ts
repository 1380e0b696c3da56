import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, type GraphqlApiHarness } from '../../support/graphql-api.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

/** Every ```graphql block of docs/graphql.md with the demo key its `# key:` line names. */
function examples(): Array<{ name: string; key: keyof typeof DEMO_KEYS; query: string }> {
  const text = readFileSync(join(__dirname, '../../../docs/graphql.md'), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, block]) => {
    const key = /^# key: (\w+)/m.exec(block)?.[1] as keyof typeof DEMO_KEYS;
    const name = /^(?:query|mutation) (\w+)/m.exec(block)?.[1] ?? 'anonymous';
    return { name, key, query: block };
  });
}

describe('docs/graphql.md examples run as written', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let gql: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    gql = await startGraphqlApi({ urls: { erp: erp.url, wms: wms.url }, sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await gql?.close();
    await wms?.close();
    await erp?.close();
    await sandbox?.close();
  });

  it('has examples for suppliers and planners', () => {
    const keys = examples().map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['supplier1001', 'planner']));
    for (const key of keys) expect(DEMO_KEYS[key]).toBeDefined();
  });

  it.each(examples().map((e) => [e.name, e] as const))('%s answers without errors', async (_name, example) => {
    const res = await gql.query(example.query, { key: DEMO_KEYS[example.key] });
    // MO-P100-0004's BOM has no released revision: its components are a documented field error.
    const unexpected = (res.body.errors ?? []).filter((e) => !(example.name === 'WhatCanBeReleased' && e.extensions?.code === 'NOT_FOUND'));
    expect(unexpected).toEqual([]);
    expect(res.body.data).toBeTruthy();
  });
});
