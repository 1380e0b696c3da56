import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Landscape } from '@plantsync/landscape';
import { ProcessJobName, ProcessQueue, QueueRegistry, type ReconciliationPayload } from '@plantsync/messaging';
import { isReconciliationDomain } from '../runs/reconciliation-domain';

export const schedulerId = (domain: string) => `reconcile-${domain}`;

/**
 * One BullMQ job scheduler per reconciled domain, every `reconcileEverySeconds` of the landscape's
 * sync objective. upsertJobScheduler is idempotent per id, so every replica may call it at boot; a
 * changed interval replaces the old one, and 0 (or no objective) removes it.
 */
@Injectable()
export class ReconciliationSchedule implements OnApplicationBootstrap {
  private readonly log = new Logger(ReconciliationSchedule.name);

  constructor(
    @Inject(Landscape) private readonly landscape: Landscape,
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.queue(ProcessQueue.Reconciliation);
    for (const objective of this.landscape.definition.syncObjectives) {
      const every = objective.reconcileEverySeconds ?? 0;
      // Domains this app cannot reconcile (production: its confirmations are synced, not compared): intervals reported and skipped.
      if (!isReconciliationDomain(objective.domain)) {
        if (every > 0) this.log.warn(`${objective.domain} is not a reconciled domain: its ${every}s interval is not scheduled`);
        continue;
      }
      if (every === 0) {
        await queue.removeJobScheduler(schedulerId(objective.domain));
        continue;
      }
      const data: ReconciliationPayload = { domain: objective.domain, correlationId: `scheduled-${objective.domain}-reconciliation` };
      await queue.upsertJobScheduler(schedulerId(objective.domain), { every: every * 1000 }, { name: ProcessJobName.ReconcileDomain, data });
    }
  }
}
