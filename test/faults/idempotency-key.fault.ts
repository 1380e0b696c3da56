import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../support/demo-keys';
import type { ApiResponse } from '../support/http-client';
import { waitUntil } from './support/bounded-wait';
import { FAST_TAKEOVER } from './support/fault-env';
import { FaultPlatform } from './support/fault-platform';
import { expectNoDoublePostings } from './support/ledger-proof';
import {
  expectReleasePostedOnce,
  requestRelease,
  waitReleaseEnded,
  type ReleaseState,
} from './support/release-flow';
import { expectSettled } from './support/saga-polling';
import {
  expectTransferPostedOnce,
  receiveTransfer,
  requestTransfer,
  waitInTransit,
  waitTransferEnded,
} from './support/transfer-flow';

/**
 * A client that did not get an answer sends its POST again with the same Idempotency-Key — after
 * the first one, or while it is still being handled, maybe through another API instance. Either way
 * there is one saga, and the backends see one set of postings.
 */
jest.setTimeout(120_000);

let platform: FaultPlatform;

beforeAll(async () => {
  platform = await FaultPlatform.start({ name: 'faults-idempotency', processEnv: FAST_TAKEOVER });
});

afterAll(async () => {
  await platform?.close();
});

/** A 409 idempotency-key-in-flight means "the first is still running": the client retries the same key. */
async function untilNotInFlight<T>(send: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  return waitUntil(
    'the first request with this key to finish',
    async () => {
      const res = await send();
      return res.status === 409 && JSON.stringify(res.body).includes('in-flight') ? undefined : res;
    },
    { timeoutMs: 15_000, intervalMs: 200 },
  );
}

describe('the same Idempotency-Key twice', () => {
  it('order releases: twice in a row and twice at once through two API processes → one saga each', async () => {
    const { api } = await platform.startApp('order-release');
    const secondApi = await platform.startProcess('order-release', { role: 'api' });
    await secondApi.waitHealthy();
    const viaFirst = platform.client(api);
    const viaSecond = platform.client(secondApi);

    // In a row: the second answer is the first one, replayed.
    const key = randomUUID();
    const first = await requestRelease(viaFirst, 'MO-P300-0003', key);
    const again = await requestRelease(viaFirst, 'MO-P300-0003', key);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotency-replayed')).toBe('true');

    // At once, one through each API process: one starts the saga, the other is told to wait (409
    // in flight) or gets the replay; a client retrying the same key ends with the same release.
    const concurrentKey = randomUUID();
    const answers = await Promise.all([
      requestRelease(viaFirst, 'MO-P300-0009', concurrentKey),
      requestRelease(viaSecond, 'MO-P300-0009', concurrentKey),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([202]));
    for (const a of answers) expect([202, 409]).toContain(a.status);
    const settled = await untilNotInFlight(() =>
      requestRelease(viaSecond, 'MO-P300-0009', concurrentKey),
    );
    expect(settled.status).toBe(202);
    const accepted = answers.find((a) => a.status === 202)!;
    expect(settled.body.id).toBe(accepted.body.id);

    for (const order of ['MO-P300-0003', 'MO-P300-0009']) {
      const list = await viaFirst<{ items: ReleaseState[] }>(
        'GET',
        `/v1/order-releases?plant=P300&productionOrder=${order}`,
        { key: DEMO_KEYS.planner },
      );
      expect({ order, releases: list.body.items.length }).toEqual({ order, releases: 1 });
    }

    const done = [
      await waitReleaseEnded(viaFirst, first.body.id, 30_000),
      await waitReleaseEnded(viaFirst, accepted.body.id, 30_000),
    ];
    expectSettled(done);
    expect(done.map((r) => r.status)).toEqual(['completed', 'completed']);
    const ledger = await expectNoDoublePostings(platform.sandbox);
    for (const release of done) expectReleasePostedOnce(ledger, release);
  });

  it('inventory transfers: twice at once → one transfer, one set of postings', async () => {
    const { api } = await platform.startApp('inventory-transfer');
    const request = platform.client(api);

    const key = randomUUID();
    const answers = await Promise.all([
      requestTransfer(request, '25', key),
      requestTransfer(request, '25', key),
    ]);
    for (const a of answers) expect([202, 409]).toContain(a.status);
    const settled = await untilNotInFlight(() => requestTransfer(request, '25', key));
    expect(settled.status).toBe(202);
    const id = settled.body.id;
    for (const a of answers) if (a.status === 202) expect(a.body.id).toBe(id);

    const transfers = await request<Array<{ id: string }>>(
      'GET',
      '/v1/inventory-transfers?plant=P100',
      { key: DEMO_KEYS.planner },
    );
    expect(transfers.body.map((t) => t.id)).toEqual([id]);

    expect((await waitInTransit(request, id, 30_000)).status).toBe('in_transit');
    expect((await receiveTransfer(request, id, '25')).status).toBe(201);
    const done = await waitTransferEnded(request, id, 30_000);
    expect(done.status).toBe('completed');
    expectSettled([done]);
    const ledger = await expectNoDoublePostings(platform.sandbox);
    expectTransferPostedOnce(ledger, id);
  });
});
