import type { LedgerEntry, LedgerFilter } from '../../../apps/sandbox/src/core';
import type { SandboxHarness } from '../../support/sandbox.harness';

/**
 * What identifies one business posting in the sandbox ledger, independent of how many times it was
 * sent: plant, system, operation, business key and the posted content. Two ledger entries with the
 * same identity are the same posting applied twice — the double the process layer must never make.
 *
 * The MES gets one production schedule per order; its B2MML carries a fresh BOD id per message, so
 * it is identified by the order alone.
 */
export function postingIdentity(entry: LedgerEntry): string {
  const base = `${entry.plant}/${entry.system}/${entry.operation}/${entry.businessKey ?? '-'}`;
  if (entry.system === 'mes') return base;
  return `${base}/${stableJson(entry.payload)}`;
}

/** Postings the ledger holds more than once, with their ledger sequence numbers. */
export function doublePostings(
  entries: LedgerEntry[],
  identity = postingIdentity,
): Array<{ posting: string; seqs: number[] }> {
  const seen = new Map<string, number[]>();
  for (const entry of entries) {
    const id = identity(entry);
    seen.set(id, [...(seen.get(id) ?? []), entry.seq]);
  }
  return [...seen.entries()]
    .filter(([, seqs]) => seqs.length > 1)
    .map(([posting, seqs]) => ({ posting: posting.slice(0, 300), seqs }));
}

/** Reads the ledger over HTTP (as an operator would) and asserts no posting was applied twice. */
export async function expectNoDoublePostings(
  sandbox: SandboxHarness,
  filter: LedgerFilter = {},
): Promise<LedgerEntry[]> {
  const entries = await sandbox.ledger(filter);
  expect(doublePostings(entries)).toEqual([]);
  return entries;
}

/** JSON with object keys sorted, so equal payloads compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * The postings one saga caused. Every backend call of a step carries an idempotency key derived
 * from the saga id (`<saga>-<step>`, `<saga>-compensate-<n>`, `<saga>-receipt-…`), so the ledger
 * tells which saga made which posting.
 */
export function postingsOfSaga(entries: LedgerEntry[], sagaId: string): LedgerEntry[] {
  return entries.filter((e) => e.idempotencyKey?.includes(sagaId));
}

/** Ledger entries per `<plant> <system> <operation>`. */
export function countsByOperation(entries: LedgerEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) {
    const key = `${e.plant} ${e.system} ${e.operation}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
