import type { SystemKind } from '@plantsync/landscape';
import type { ReconciliationDomain } from './reconciliation-domain';
import type { ReconciliationRun, RunCounts } from './reconciliation-run.entity';

/**
 * One domain's reconciliation (its own feature folder: inventory/, orders/). The runs service
 * keeps the run lifecycle and hands each run to the reconciler of its domain.
 */
export abstract class DomainReconciler {
  abstract readonly domain: ReconciliationDomain;

  /** The system whose data wins for this domain (stored on the run); null when none does. */
  abstract systemOfRecord(): SystemKind | null;

  /** Compares the run's plants, stores every difference with what was done about it, returns the counts. */
  abstract run(run: ReconciliationRun): Promise<RunCounts>;
}

/** Every domain's reconciler (a multi-provider: the runs service picks one per run). */
export const DOMAIN_RECONCILERS = Symbol('DOMAIN_RECONCILERS');
