// What simulator modules (erp/, mes/, wms/) use from the core. Import from '../core'.
export { SandboxStore, type KeyRange } from './store/sandbox-store';
export { LedgerService } from './ledger/ledger.service';
export type { LedgerEntry, LedgerFilter, LedgerRecordInput } from './ledger/ledger-entry';
export {
  SandboxIdempotency,
  type IdempotencyScope,
} from './idempotency/sandbox-idempotency.service';
export { SandboxIdempotencyConflict } from './idempotency/sandbox-idempotency-conflict';
export { fingerprintOf } from './idempotency/request-fingerprint';
export { FaultService, type FaultEntry, type FaultDecision } from './faults/fault.service';
export type { FaultSettings, FaultSettingsInput } from './faults/fault-settings';
export { SandboxSeeding, type SandboxSeeder } from './seeding/sandbox-seeding.service';
export {
  requestContext,
  parsePlantRoute,
  type SandboxRequestContext,
} from './http/request-context';
export { isKnownPlant, SANDBOX_PLANT_CODES } from './plants/sandbox-plants';
export {
  SANDBOX_OPTIONS,
  SANDBOX_SYSTEMS,
  isSandboxSystem,
  type SandboxOptions,
  type SandboxSystem,
} from './sandbox.options';
export { SandboxCoreModule } from './sandbox-core.module';
