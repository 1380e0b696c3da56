import type { ProductionOrder } from '@plantsync/canonical';
import { ErpApiClient, MesApiClient, SystemApiError } from '@plantsync/clients';
import { SimulatorUsageError } from './simulator-options';

/** A production order the simulated MES reports against, and the sequence its next message carries. */
export interface ReportableOrder {
  number: string;
  item: string;
  unit: string;
  workCenter?: string;
  nextSequence: number;
}

/** Orders the shop floor can report on: released to it, or already running. */
const REPORTABLE_STATUSES = ['released', 'in_progress'] as const;

/** The simulator's message ids: `SIM-<order>-<sequence>`, so a later run can find where this one stopped. */
export const simulatorMessageId = (order: string, sequence: number) => `SIM-${order}-${String(sequence).padStart(6, '0')}`;
/** The sandbox MES' own message ids (apps/sandbox mes-reporting), which number the same order sequence. */
const sandboxMesMessageId = (plant: string, order: string, sequence: number) => `MES-${plant}-${order}-${String(sequence).padStart(4, '0')}`;

/**
 * The plant's released / in-progress orders from the ERP (or the ones named with --orders), each
 * with the sequence to continue from: the MES numbers its messages per order, and production-sync
 * posts them in that sequence, so a second run must not start again at 1.
 */
export async function findReportableOrders(
  plant: string,
  erp: ErpApiClient,
  mes: MesApiClient,
  named: string[],
): Promise<ReportableOrder[]> {
  const orders: ProductionOrder[] = [];
  if (named.length > 0) {
    for (const number of named.filter((n) => n.includes(plant))) {
      const order = await erp.getProductionOrder({}, plant, number).catch((e: unknown) => {
        if (e instanceof SystemApiError && e.status === 404) throw new SimulatorUsageError(`--orders: ${number} does not exist in the ERP of plant ${plant}`);
        throw e;
      });
      if (!(REPORTABLE_STATUSES as readonly string[]).includes(order.status))
        throw new SimulatorUsageError(`--orders: ${number} is ${order.status}; the MES reports only on released or in-progress orders`);
      orders.push(order);
    }
  } else {
    for (const status of REPORTABLE_STATUSES) {
      let cursor: string | undefined;
      do {
        const page = await erp.listProductionOrders({}, plant, { status, limit: 200, ...(cursor ? { cursor } : {}) });
        orders.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }
  if (orders.length === 0)
    throw new SimulatorUsageError(`plant ${plant} has no released or in-progress production order to report against${named.length ? ` among ${named.join(', ')}` : ''}`);
  const result: ReportableOrder[] = [];
  for (const o of orders.sort((a, b) => a.number.localeCompare(b.number)))
    result.push({
      number: o.number,
      item: o.item,
      unit: o.quantity.unit,
      ...(o.workCenter ? { workCenter: o.workCenter } : {}),
      nextSequence: (await lastReportedSequence(plant, o.number, mes)) + 1,
    });
  return result;
}

/**
 * The highest sequence already reported for an order, by probing message ids (mes-api keeps every
 * message; sequences are consecutive): doubling, then bisecting — about 2·log2(n) lookups.
 */
async function lastReportedSequence(plant: string, order: string, mes: MesApiClient): Promise<number> {
  const exists = async (sequence: number) =>
    (await known(mes, plant, simulatorMessageId(order, sequence))) || (await known(mes, plant, sandboxMesMessageId(plant, order, sequence)));
  if (!(await exists(1))) return 0;
  let low = 1;
  let high = 2;
  while (await exists(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await exists(mid)) low = mid;
    else high = mid;
  }
  return low;
}

async function known(mes: MesApiClient, plant: string, messageId: string): Promise<boolean> {
  try {
    await mes.getProductionConfirmation({}, plant, messageId);
    return true;
  } catch (e) {
    if (e instanceof SystemApiError && e.status === 404) return false;
    throw e;
  }
}
