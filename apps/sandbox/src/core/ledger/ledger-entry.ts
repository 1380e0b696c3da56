import type { SandboxSystem } from '../sandbox.options';

/** What a simulator hands to the ledger when it applies a state-changing call. */
export interface LedgerRecordInput {
  plant: string;
  system: SandboxSystem;
  /** e.g. 'mrp.production.button_plan', 'stock.move.create', 'reservation.create', 'ProcessProductionSchedule' */
  operation: string;
  idempotencyKey?: string;
  correlationId?: string;
  /** The business object the call is about, e.g. 'P100/WH/MO/00012' or a PO number. */
  businessKey?: string;
  payload: unknown;
  result?: unknown;
}

/** One posting the sandbox received and applied. `seq` is strictly increasing, starting at 1. */
export interface LedgerEntry extends LedgerRecordInput {
  seq: number;
  /** ISO 8601 UTC timestamp of when the entry was written. */
  at: string;
}

export interface LedgerFilter {
  plant?: string;
  system?: SandboxSystem;
  operation?: string;
  idempotencyKey?: string;
  businessKey?: string;
  correlationId?: string;
  /** Only entries with `seq` greater than this (a cursor: pass the last seq you saw). */
  since?: number;
  /** At most this many entries (oldest first). */
  limit?: number;
}
