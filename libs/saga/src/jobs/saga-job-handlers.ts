import { Inject, Injectable, type Type } from '@nestjs/common';
import { HandlesJob, JobHandler, type JobRun } from '@plantsync/messaging';
import type { SagaDefinition } from '../definition/saga-definition';
import type { SagaRunner } from '../runner/saga.runner';
import { sagaJobs, type SagaJob, type SagaJobPayload } from './saga-jobs';

function pascal(name: string): string {
  return name.replace(/(^|[-_/.])([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
}

/**
 * One `@HandlesJob` provider per saga job (JobHandler marks one job per class), all delegating to
 * the saga's runner. JobWorkers finds them at boot and checks them against the app's catalogue.
 */
export function sagaJobHandlerClasses<Ctx extends object>(definition: SagaDefinition<Ctx>, runnerToken: string | symbol): Type<JobHandler>[] {
  return sagaJobs(definition).map((job) => handlerClass(job, runnerToken));
}

function handlerClass(job: SagaJob, runnerToken: string | symbol): Type<JobHandler> {
  @Injectable()
  @HandlesJob(job.def)
  class SagaJobHandler extends JobHandler<SagaJobPayload> {
    constructor(@Inject(runnerToken) private readonly runner: SagaRunner<object>) {
      super();
    }

    handle(payload: SagaJobPayload, run: JobRun): Promise<void> {
      switch (job.kind) {
        case 'step':
          return this.runner.runStep(payload, run);
        case 'compensation':
          return this.runner.runCompensation(payload, run);
        case 'expire':
          return this.runner.expire(payload);
      }
    }
  }
  // The boot check names handlers by class name: make it say which job it is.
  Object.defineProperty(SagaJobHandler, 'name', { value: `${pascal(job.def.queue)}${pascal(job.def.name)}SagaJob` });
  return SagaJobHandler;
}
