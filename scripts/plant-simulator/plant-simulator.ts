import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErpApiClient, MesApiClient, SystemApiError, type ProductionPerformanceReceipt } from '@plantsync/clients';
import { buildSyncProductionPerformance } from '@plantsync/connectors';
import { ConfirmationStream, seededRandom, type OutgoingMessage } from './confirmation-stream';
import { findReportableOrders } from './reportable-orders';
import type { SimulatorKeys } from './simulator-keys';
import type { SimulatorOptions } from './simulator-options';

/** What one plant's simulated MES did. */
export interface PlantRunSummary {
  plant: string;
  orders: string[];
  /** Messages sent (new ones, resends and held-back ones), and the requests carrying them. */
  sent: number;
  requests: number;
  /** Message ids mes-api stored for the first time. */
  accepted: string[];
  /** Resends injected, and messages mes-api answered as duplicates. */
  duplicatesSent: number;
  duplicatesAnswered: number;
  reordered: number;
  /** Messages in requests that failed (no receipt); the first few reasons. */
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
  /** Messages per second actually sent. */
  achievedRate: number;
}

/** Where each plant's MES sits in the B2MML hierarchy (landscape `systems.mes.options.hierarchyScope`). */
export type HierarchyScopeOf = (plant: string) => string;

const MAX_ERROR_SAMPLES = 5;

/**
 * Plays the MES of each plant: reports production against the plant's released orders through
 * mes-api, at a steady rate, with the injected duplicates and reordering of ConfirmationStream.
 * Plants run side by side, each with its own key, rate and requests in flight.
 */
export async function runPlantSimulator(options: SimulatorOptions, keys: SimulatorKeys, scopeOf: HierarchyScopeOf): Promise<PlantRunSummary[]> {
  return Promise.all(options.plants.map((plant) => simulatePlant(plant, options, keys, scopeOf(plant))));
}

async function simulatePlant(plant: string, options: SimulatorOptions, keys: SimulatorKeys, hierarchyScope: string): Promise<PlantRunSummary> {
  const erp = new ErpApiClient({ baseUrl: options.erpUrl, apiKey: keys.service, timeoutMs: 10_000 });
  const mes = new MesApiClient({ baseUrl: options.mesUrl, apiKey: keys.mes(plant), timeoutMs: 30_000 });
  const orders = await findReportableOrders(plant, erp, mes, options.orders);
  const stream = new ConfirmationStream(plant, orders, options, seededRandom(options.seed + plant.charCodeAt(plant.length - 1)));
  const summary: PlantRunSummary = {
    plant,
    orders: orders.map((o) => o.number),
    sent: 0,
    requests: 0,
    accepted: [],
    duplicatesSent: 0,
    duplicatesAnswered: 0,
    reordered: 0,
    errors: 0,
    errorSamples: [],
    elapsedMs: 0,
    achievedRate: 0,
  };

  const inFlight = new Set<Promise<void>>();
  const send = (batch: OutgoingMessage[]) => {
    summary.sent += batch.length;
    summary.requests += 1;
    summary.duplicatesSent += batch.filter((m) => m.duplicate).length;
    summary.reordered += batch.filter((m) => m.reordered).length;
    const request = post(mes, plant, batch, options.format, hierarchyScope).then(
      (receipt) => {
        summary.accepted.push(...receipt.accepted);
        summary.duplicatesAnswered += receipt.duplicates.length;
        for (const m of batch) stream.acknowledge(m.confirmation);
      },
      (e: unknown) => {
        summary.errors += batch.length;
        if (summary.errorSamples.length < MAX_ERROR_SAMPLES) summary.errorSamples.push(describe(e));
      },
    );
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  /** A request's messages; a resend never shares a request with its original (mes-api would refuse the batch). */
  const take = (count: number): OutgoingMessage[] => {
    const batch: OutgoingMessage[] = [];
    const ids = new Set<string>();
    while (batch.length < count) {
      const m = stream.next();
      if (ids.has(m.confirmation.messageId)) continue;
      ids.add(m.confirmation.messageId);
      batch.push(m);
    }
    return batch;
  };

  const start = performance.now();
  const elapsed = () => performance.now() - start;
  // Paced by the clock, not by answers: messages due by now = rate × elapsed time.
  while (elapsed() < options.durationMs) {
    const due = Math.floor((options.ratePerSecond * elapsed()) / 1000) - summary.sent;
    if (due >= options.batch && inFlight.size < options.concurrency) {
      send(take(options.batch));
      continue;
    }
    if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    else await sleep(Math.max(1, Math.ceil(((options.batch - due) * 1000) / options.ratePerSecond)));
  }
  // Whatever is still held back goes last, so every sequence number reaches mes-api.
  await Promise.all(inFlight);
  const rest = stream.finish();
  for (let i = 0; i < rest.length; i += options.batch) {
    while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    send(rest.slice(i, i + options.batch));
  }
  await Promise.all(inFlight);
  summary.elapsedMs = Math.round(elapsed());
  summary.achievedRate = Math.round((summary.sent / Math.max(summary.elapsedMs, 1)) * 1000 * 10) / 10;
  return summary;
}

function post(mes: MesApiClient, plant: string, batch: OutgoingMessage[], format: 'json' | 'b2mml', hierarchyScope: string): Promise<ProductionPerformanceReceipt> {
  // One idempotency key per request: mes-api then answers a retried request once.
  const ctx = { idempotencyKey: randomUUID() };
  const confirmations = batch.map((m) => m.confirmation);
  if (format === 'json') return mes.reportProductionPerformance(ctx, plant, confirmations);
  const xml = buildSyncProductionPerformance(confirmations, {
    hierarchyScope,
    application: { sender: `MES-${hierarchyScope}`, component: 'plant-simulator', bodId: `SIM-${plant}-${randomUUID()}` },
  });
  return mes.reportProductionPerformanceB2mml(ctx, plant, xml);
}

function describe(e: unknown): string {
  if (e instanceof SystemApiError) return `${e.status ?? 'no answer'} ${e.code}: ${e.detail ?? e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** The summary as printed: one line per plant, then the totals. */
export function formatSummary(summaries: PlantRunSummary[]): string {
  const line = (label: string, s: Omit<PlantRunSummary, 'plant' | 'orders' | 'errorSamples'> & { accepted: unknown[] }) =>
    `${label.padEnd(6)} sent ${s.sent} in ${s.requests} requests, accepted ${s.accepted.length}, duplicates ${s.duplicatesSent} sent / ${s.duplicatesAnswered} answered, ` +
    `reordered ${s.reordered}, errors ${s.errors}, ${s.achievedRate} msg/s over ${(s.elapsedMs / 1000).toFixed(1)} s`;
  const lines = summaries.flatMap((s) => [
    line(s.plant, s),
    `       orders ${s.orders.join(', ')}`,
    ...s.errorSamples.map((e) => `       error: ${e}`),
  ]);
  if (summaries.length > 1) {
    const elapsedMs = Math.max(...summaries.map((s) => s.elapsedMs));
    const sum = (pick: (s: PlantRunSummary) => number) => summaries.reduce((n, s) => n + pick(s), 0);
    const sent = sum((s) => s.sent);
    lines.push(
      line('total', {
        sent,
        requests: sum((s) => s.requests),
        accepted: summaries.flatMap((s) => s.accepted),
        duplicatesSent: sum((s) => s.duplicatesSent),
        duplicatesAnswered: sum((s) => s.duplicatesAnswered),
        reordered: sum((s) => s.reordered),
        errors: sum((s) => s.errors),
        elapsedMs,
        achievedRate: Math.round((sent / Math.max(elapsedMs, 1)) * 10_000) / 10,
      }),
    );
  }
  return lines.join('\n');
}
