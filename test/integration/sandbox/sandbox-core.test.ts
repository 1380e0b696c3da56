import { Body, Controller, Get, Inject, Module, Param, Post, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { join } from 'node:path';
import {
  fingerprintOf,
  LedgerService,
  requestContext,
  SandboxIdempotency,
  SandboxStore,
  type LedgerEntry,
} from '../../../apps/sandbox/src/core';
import { createSandboxApp } from '../../../apps/sandbox/src/sandbox.app';
import { makeTempDir } from '../../support/temp-dir';

/** A minimal stand-in simulator, written the way the real ones use the core. */
@Controller('plants/:plant/wms/v1')
class ReservationSimulatorController {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(SandboxIdempotency) private readonly idempotency: SandboxIdempotency,
  ) {}

  @Post('reservations')
  create(@Req() req: FastifyRequest, @Body() body: { item: string; quantity: string }) {
    const ctx = requestContext(req);
    const { result } = this.idempotency.once(ctx, ctx.idempotencyKey, fingerprintOf(body), () => {
      const id = `RES-${this.store.nextId(`${ctx.plant}/wms/reservation`)}`;
      const reservation = { id, ...body };
      this.store.put(`${ctx.plant}/wms/reservation`, id, reservation);
      this.ledger.record({
        ...ctx,
        operation: 'reservation.create',
        businessKey: id,
        payload: body,
        result: reservation,
      });
      return reservation;
    });
    return result;
  }

  @Get('reservations/:id')
  get(@Param('plant') plant: string, @Param('id') id: string) {
    return this.store.get(`${plant}/wms/reservation`, id) ?? { error: 'not found' };
  }
}

@Module({ controllers: [ReservationSimulatorController] })
class ReservationSimulatorModule {}

describe('sandbox core over HTTP', () => {
  const temp = makeTempDir('sandbox-core');
  const dbFile = join(temp.dir, 'sandbox.sqlite');
  let app: NestFastifyApplication;
  let url: string;

  async function boot(): Promise<void> {
    app = await createSandboxApp({
      dbFile,
      seed: false,
      modules: [ReservationSimulatorModule],
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  const call = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, init);
  const json = (
    method: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const reserve = (key: string | undefined, quantity = '240') =>
    call(
      '/plants/P100/wms/v1/reservations',
      json(
        'POST',
        { item: 'BRKT-1042', quantity },
        { 'x-correlation-id': 'corr-MO-P100-0002', ...(key ? { 'idempotency-key': key } : {}) },
      ),
    );
  const setFault = (plant: string, system: string, body: unknown) =>
    call(`/admin/faults/${plant}/${system}`, json('PUT', body));

  beforeAll(boot);
  afterEach(async () => {
    await call('/admin/faults', { method: 'DELETE' });
  });
  afterAll(async () => {
    await app?.close();
    temp.cleanup();
  });

  it('answers /health and 404 with { error } for an unknown plant or system', async () => {
    expect(await (await call('/health')).json()).toEqual({
      status: 'ok',
      plants: ['P100', 'P200', 'P300'],
    });
    const unknownPlant = await call('/plants/P999/wms/v1/reservations/RES-1');
    expect(unknownPlant.status).toBe(404);
    expect(await unknownPlant.json()).toEqual({ error: 'unknown plant P999' });
    expect((await call('/plants/P100/crm/anything')).status).toBe(404);
    const noRoute = await call('/plants/P100/erp/json/2/mrp.production/no_such_method');
    expect(noRoute.status).toBe(404);
    expect(Object.keys((await noRoute.json()) as object)).toEqual(['error']);
  });

  it('applies a posting once per Idempotency-Key, 422 on another body, and ledgers only applied calls', async () => {
    const first = await reserve('res-MO-P100-0002-BRKT-1042');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };
    const replay = await reserve('res-MO-P100-0002-BRKT-1042');
    expect(await replay.json()).toEqual(created);
    const conflict = await reserve('res-MO-P100-0002-BRKT-1042', '241');
    expect(conflict.status).toBe(422);
    expect(await conflict.json()).toEqual({
      error: expect.stringContaining('res-MO-P100-0002-BRKT-1042'),
    });

    const ledger = (await (
      await call('/admin/ledger?plant=P100&system=wms&idempotencyKey=res-MO-P100-0002-BRKT-1042')
    ).json()) as { entries: LedgerEntry[]; count: number };
    expect(ledger.count).toBe(1);
    expect(ledger.entries[0]).toMatchObject({
      plant: 'P100',
      system: 'wms',
      operation: 'reservation.create',
      correlationId: 'corr-MO-P100-0002',
      businessKey: created.id,
      payload: { item: 'BRKT-1042', quantity: '240' },
    });
    const since = ledger.entries[0].seq;
    await reserve(undefined, '12');
    expect(await (await call(`/admin/ledger/count?since=${since}`)).json()).toEqual({ count: 1 });
    expect((await call('/admin/ledger?since=-1')).status).toBe(400);
    expect((await call('/admin/ledger?system=crm')).status).toBe(400);
  });

  it('validates fault settings (400) and lists them', async () => {
    for (const body of [
      { errorRate: 2 },
      { latencyMs: -5 },
      { downUntil: 'soon' },
      { latency: 5 },
      [1],
    ]) {
      const res = await setFault('P100', 'wms', body);
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()) as object)).toEqual(['error']);
    }
    expect((await setFault('P999', 'wms', {})).status).toBe(404);
    expect((await setFault('P100', 'crm', {})).status).toBe(400);
    expect((await setFault('P200', 'mes', { latencyMs: 20 })).status).toBe(200);
    expect(await (await call('/admin/faults')).json()).toEqual({
      faults: [{ plant: 'P200', system: 'mes', latencyMs: 20, down: false }],
    });
    expect((await call('/admin/faults/P200/mes', { method: 'DELETE' })).status).toBe(204);
    expect(await (await call('/admin/faults')).json()).toEqual({ faults: [] });
  });

  it('adds latency to the faulted plant × system only', async () => {
    // The injected delay is far larger than any scheduling noise on a loaded CI machine, so the
    // faulted call is told apart from the unfaulted one by a wide margin, not by a tight bound.
    await setFault('P100', 'wms', { latencyMs: 2_000 });
    let started = Date.now();
    await call('/plants/P100/wms/v1/reservations/RES-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_990);
    started = Date.now();
    await call('/plants/P200/wms/v1/reservations/RES-1');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('answers 503 while down, applies nothing, then recovers after downUntil', async () => {
    const before = ((await (await call('/admin/ledger/count')).json()) as { count: number }).count;
    await setFault('P100', 'wms', { downForSeconds: 0.7 });
    const down = await reserve('res-while-down');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: 'backend down (fault injection)' });
    expect((await call('/plants/P100/erp/json/2/res.partner/search_read')).status).toBe(404); // other systems unaffected
    await new Promise((r) => setTimeout(r, 800));
    expect((await reserve('res-while-down')).status).toBe(201);
    expect(await (await call('/admin/ledger/count')).json()).toEqual({ count: before + 1 });
  });

  it('fails every request with 500 at errorRate 1 and none at errorRate 0', async () => {
    await setFault('P100', 'wms', { errorRate: 1 });
    for (let i = 0; i < 3; i++) {
      const res = await call('/plants/P100/wms/v1/reservations/RES-1');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'internal error (fault injection)' });
    }
    await setFault('P100', 'wms', { errorRate: 0 });
    expect((await call('/plants/P100/wms/v1/reservations/RES-1')).status).toBe(200);
  });

  it('keeps state, sequences and idempotency records across a restart on the same file', async () => {
    const created = (await (await reserve('res-before-restart', '7')).json()) as { id: string };
    const ledgerBefore = (await (await call('/admin/ledger')).json()) as { count: number };
    await app.close();
    await boot();
    expect(await (await call(`/plants/P100/wms/v1/reservations/${created.id}`)).json()).toEqual({
      id: created.id,
      item: 'BRKT-1042',
      quantity: '7',
    });
    expect(await (await reserve('res-before-restart', '7')).json()).toEqual(created); // replay, not a new posting
    const next = (await (await reserve(undefined, '1')).json()) as { id: string };
    expect(Number(next.id.slice(4))).toBe(Number(created.id.slice(4)) + 1);
    expect(await (await call('/admin/ledger/count')).json()).toEqual({
      count: ledgerBefore.count + 1,
    });
  });
});
