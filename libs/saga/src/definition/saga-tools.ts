import type { LoggerService } from '@nestjs/common';
import type { CloudEvent } from '@plantsync/messaging';

/** What a step or compensation gets besides the context. */
export interface SagaTools {
  sagaId: string;
  businessKey: string;
  correlationId: string;
  /**
   * Deterministic per step (`<sagaId>-<step>`) or compensation (`<sagaId>-compensate-<seq>`):
   * pass it to every backend call so a retry or a re-run never posts twice.
   */
  idempotencyKey: string;
  /** 1 on the first try of this job. */
  attempt: number;
  /** Logs carry the correlation id (the step runs inside runWithCorrelation). */
  logger: LoggerService;
  /**
   * Steps only: saves `output` on the step row now, before the step finishes. A step with several
   * backend postings records each id as it goes, so a compensation can undo exactly those even
   * when the step fails half way (compensations see it in `saga.outputs`).
   */
  checkpoint(output: unknown): Promise<void>;
  /** Builds a catalogue event with subject = business key, this correlation id and the saga as source. */
  event<T>(type: string, data: T, options?: { id?: string }): CloudEvent<T>;
}
