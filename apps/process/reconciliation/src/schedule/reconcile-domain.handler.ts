import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, ProcessJobs, type ReconciliationPayload } from '@plantsync/messaging';
import { ReconciliationRunsService } from '../runs/reconciliation-runs.service';

/** Runs one reconciliation: the stored on-demand run, or a new scheduled run for a scheduler tick. */
@Injectable()
@HandlesJob(ProcessJobs.ReconcileDomain)
export class ReconcileDomainHandler extends JobHandler<ReconciliationPayload> {
  constructor(@Inject(ReconciliationRunsService) private readonly runs: ReconciliationRunsService) {
    super();
  }

  async handle(payload: ReconciliationPayload): Promise<void> {
    const runId = payload.runId ?? (await this.runs.create({ domain: payload.domain, plant: payload.plant }, 'scheduled', payload.correlationId)).id;
    await this.runs.execute(runId);
  }
}
