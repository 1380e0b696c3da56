import type { ProductionConfirmation } from '@plantsync/canonical';
import { simulatorMessageId, type ReportableOrder } from './reportable-orders';

/** One message the simulated MES sends: a new confirmation, or a resend of one already acknowledged. */
export interface OutgoingMessage {
  confirmation: ProductionConfirmation;
  /** A resend of an acknowledged message (mes-api must answer it as a duplicate). */
  duplicate: boolean;
  /** Sent after the next message of its order (held back). */
  reordered: boolean;
}

export interface StreamSettings {
  duplicates: number;
  outOfOrder: number;
  yieldQuantity: string;
  scrapQuantity: string;
}

/** Small seeded PRNG (mulberry32): the same seed injects the same duplicates and swaps. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many acknowledged messages a duplicate is drawn from (the most recent ones). */
const RESEND_WINDOW = 256;

/**
 * What one plant's MES reports, message by message: its orders in turn, each order's messages
 * numbered consecutively. Faults are injected here: a share of the messages are resends of
 * acknowledged ones, and a share of new messages are held back until the next message of their
 * order has gone (a swap). `finish` hands out whatever is still held, so no gap stays open.
 */
export class ConfirmationStream {
  private readonly ready: OutgoingMessage[] = [];
  private readonly held = new Map<string, OutgoingMessage>();
  private readonly acknowledged: ProductionConfirmation[] = [];
  private turn = 0;

  constructor(
    private readonly plant: string,
    private readonly orders: ReportableOrder[],
    private readonly settings: StreamSettings,
    private readonly random: () => number,
  ) {}

  next(): OutgoingMessage {
    for (;;) {
      const queued = this.ready.shift();
      if (queued) return queued;
      if (this.acknowledged.length > 0 && this.random() < this.settings.duplicates) {
        const window = this.acknowledged.slice(-RESEND_WINDOW);
        const again = window[Math.floor(this.random() * window.length)]!;
        return { confirmation: again, duplicate: true, reordered: false };
      }
      const order = this.orders[this.turn++ % this.orders.length]!;
      const message: OutgoingMessage = { confirmation: this.newConfirmation(order), duplicate: false, reordered: false };
      const early = this.held.get(order.number);
      if (early) {
        // The held message goes right after its successor: the MES delivered them swapped.
        this.held.delete(order.number);
        this.ready.push(message, early);
      } else if (this.random() < this.settings.outOfOrder) {
        this.held.set(order.number, { ...message, reordered: true });
      } else {
        this.ready.push(message);
      }
    }
  }

  /** A message mes-api answered (accepted or duplicate): from now on it may be resent. */
  acknowledge(confirmation: ProductionConfirmation): void {
    this.acknowledged.push(confirmation);
    if (this.acknowledged.length > RESEND_WINDOW * 4) this.acknowledged.splice(0, this.acknowledged.length - RESEND_WINDOW);
  }

  /** What is still held back at the end of the run (sent last, so every sequence arrives). */
  finish(): OutgoingMessage[] {
    const rest = [...this.ready, ...this.held.values()];
    this.ready.length = 0;
    this.held.clear();
    return rest;
  }

  private newConfirmation(order: ReportableOrder): ProductionConfirmation {
    const sequence = order.nextSequence++;
    return {
      messageId: simulatorMessageId(order.number, sequence),
      plant: this.plant,
      productionOrder: order.number,
      sequence,
      operation: '0010',
      ...(order.workCenter ? { workCenter: order.workCenter } : {}),
      yield: { value: this.settings.yieldQuantity, unit: order.unit },
      scrap: { value: this.settings.scrapQuantity, unit: order.unit },
      final: false,
      reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    } as ProductionConfirmation;
  }
}
