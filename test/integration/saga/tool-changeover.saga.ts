import { BackendUnavailableError } from '@plantsync/connectors';
import { EventTypes } from '@plantsync/messaging';
import { SagaStepFailed, type SagaDefinition, type SagaTools } from '@plantsync/saga';

/**
 * A small saga for the engine tests, shaped like an order release at P100 Detroit: reserve the
 * material, book the press, maybe wait for the planner, tell the shop floor. Its "backend" is an
 * in-memory ledger that, like the sandbox, applies a posting once per idempotency key and counts
 * every call, so the tests can prove nothing ran or posted twice.
 */
export interface ChangeoverContext {
  plant: string;
  productionOrder: string;
  /** Step that fails for good (SagaStepFailed). */
  failAt?: string;
  /** Step that fails transiently this many times first. */
  transientAt?: { step: string; times: number };
  /** Step that fails transiently every time (retries exhausted). */
  alwaysDownAt?: string;
  /** Wait for the planner, with this deadline (ms from now). */
  approvalWithinMs?: number;
  /** The book-press step waits for the test to open this gate. */
  gate?: string;
  pressBooking?: string;
}

export class FakeBackend {
  /** Every call, by `<operation>|<business key>|<idempotency key>`. */
  readonly calls = new Map<string, number>();
  /** Applied postings `<operation>|<business key>`, in order (first call per idempotency key). */
  readonly postings: string[] = [];
  /** Bookings the cancel-press compensation found in the step's checkpoint. */
  readonly cancelledBookings: string[] = [];
  readonly gates = new Map<string, { promise: Promise<void>; open: () => void }>();

  post(operation: string, tools: SagaTools): void {
    const key = `${operation}|${tools.businessKey}|${tools.idempotencyKey}`;
    const n = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, n);
    if (n === 1) this.postings.push(`${operation}|${tools.businessKey}`);
  }

  /** How many times `operation` was called for the business key (every try counts). */
  callsOf(operation: string, businessKey: string): number {
    let sum = 0;
    for (const [k, n] of this.calls) if (k.startsWith(`${operation}|${businessKey}|`)) sum += n;
    return sum;
  }

  /** Operations applied for the business key, in order. */
  postingsOf(businessKey: string): string[] {
    return this.postings.filter((p) => p.endsWith(`|${businessKey}`)).map((p) => p.slice(0, p.indexOf('|')));
  }

  gate(name: string): { promise: Promise<void>; open: () => void } {
    let g = this.gates.get(name);
    if (!g) {
      let open!: () => void;
      const promise = new Promise<void>((r) => (open = r));
      g = { promise, open };
      this.gates.set(name, g);
    }
    return g;
  }
}

export const CHANGEOVER_QUEUE = 'saga-test-changeover';

function failures(ctx: ChangeoverContext, step: string, tools: SagaTools): void {
  if (ctx.failAt === step) throw new SagaStepFailed('press-not-qualified', `press PR-12 is not qualified for ${ctx.productionOrder}`);
  if (ctx.alwaysDownAt === step) throw new BackendUnavailableError(`MES at ${ctx.plant} is down`, { plant: ctx.plant });
  if (ctx.transientAt?.step === step && tools.attempt <= ctx.transientAt.times)
    throw new BackendUnavailableError(`ERP at ${ctx.plant} is down`, { plant: ctx.plant });
}

export function changeoverSaga(backend: FakeBackend): SagaDefinition<ChangeoverContext> {
  const call = (operation: string, _ctx: ChangeoverContext, tools: SagaTools) => backend.post(operation, tools);
  return {
    type: 'tool-changeover',
    queue: CHANGEOVER_QUEUE,
    source: '/plantsync/saga-test',
    jobPayload: ({ context }) => ({ plant: context.plant, productionOrder: context.productionOrder }),
    steps: [
      {
        name: 'reserve-material',
        compensations: (ctx) => [{ action: 'cancel-material', args: { order: ctx.productionOrder } }],
        async run(ctx, tools) {
          call('reserve-material', ctx, tools);
          failures(ctx, 'reserve-material', tools);
          return {};
        },
      },
      {
        name: 'book-press',
        compensations: (ctx, tools) => [{ action: 'cancel-press', args: { booking: `BK-${tools.idempotencyKey}` } }],
        async run(ctx, tools) {
          if (ctx.gate) await backend.gate(ctx.gate).promise;
          call('book-press', ctx, tools);
          // Record the booking before anything else can fail: the compensation cancels exactly it.
          await tools.checkpoint({ booking: `BK-${tools.idempotencyKey}` });
          failures(ctx, 'book-press', tools);
          return { patch: { pressBooking: `BK-${tools.idempotencyKey}` }, output: { booking: `BK-${tools.idempotencyKey}` } };
        },
      },
      {
        name: 'await-planner',
        async run(ctx) {
          if (ctx.approvalWithinMs === undefined) return { skipped: true };
          return {
            wait: { reason: 'press PR-12 is over capacity', until: new Date(Date.now() + ctx.approvalWithinMs) },
            output: { overCapacity: '2.5 h' },
          };
        },
      },
      {
        name: 'notify-shop-floor',
        async run(ctx, tools) {
          call('notify-shop-floor', ctx, tools);
          failures(ctx, 'notify-shop-floor', tools);
          return {
            events: [
              tools.event(EventTypes.ProductionOrderReleased, {
                plant: ctx.plant,
                productionOrder: ctx.productionOrder,
                releasedAt: new Date().toISOString(),
              }),
            ],
          };
        },
      },
    ],
    compensate: {
      'cancel-material': async (args, tools, saga) => {
        backend.post('cancel-material', tools);
        return {
          events: [
            tools.event(EventTypes.ReservationCancelled, {
              plant: saga.context.plant,
              productionOrder: String(args.order),
              reservation: `RSV-${saga.context.productionOrder}`,
              reason: 'release compensated',
            }),
          ],
        };
      },
      'cancel-press': async (_args, tools, saga) => {
        const booked = saga.outputs['book-press'] as { booking?: string } | undefined;
        if (!booked?.booking) return; // the step failed before booking: nothing to undo
        backend.cancelledBookings.push(booked.booking);
        backend.post('cancel-press', tools);
      },
    },
    onFailed: (ctx, failure, tools) => [
      tools.event(EventTypes.ProductionOrderReleaseFailed, {
        plant: ctx.plant,
        productionOrder: ctx.productionOrder,
        step: failure.step ?? 'start',
        reason: failure.reason.slice(0, 500),
        code: failure.code,
      }),
    ],
  };
}
