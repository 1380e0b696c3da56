import { jobKey, type JobDefinition } from './job-definition';

export interface RegisteredHandler<H = unknown> {
  job: JobDefinition;
  /** Class name, for the boot error. */
  name: string;
  handler: H;
}

export class JobCatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`job catalogue check failed:\n  ${problems.join('\n  ')}`);
    this.name = 'JobCatalogueError';
  }
}

/**
 * The declared jobs of the queues an app consumes. `resolve` checks, at boot, that every declared
 * job has exactly one handler and no handler serves an undeclared job; it fails naming each job.
 */
export class JobCatalogue {
  constructor(private readonly declared: readonly JobDefinition[]) {
    const keys = declared.map(jobKey);
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    if (twice.length > 0) throw new JobCatalogueError(twice.map((k) => `job ${k} is declared twice`));
  }

  /** Declared jobs of the given queues (all when omitted). */
  jobs(queues?: readonly string[]): JobDefinition[] {
    return this.declared.filter((d) => !queues || queues.includes(d.queue));
  }

  resolve<H>(handlers: readonly RegisteredHandler<H>[], queues?: readonly string[]): Map<string, H> {
    const problems: string[] = [];
    const byJob = new Map<string, RegisteredHandler<H>[]>();
    for (const h of handlers) byJob.set(jobKey(h.job), [...(byJob.get(jobKey(h.job)) ?? []), h]);
    const resolved = new Map<string, H>();
    for (const def of this.jobs(queues)) {
      const found = byJob.get(jobKey(def)) ?? [];
      if (found.length === 0) problems.push(`job ${jobKey(def)} has no handler`);
      else if (found.length > 1)
        problems.push(`job ${jobKey(def)} has ${found.length} handlers: ${found.map((h) => h.name).join(', ')}`);
      else resolved.set(jobKey(def), found[0]!.handler);
    }
    const declared = new Set(this.declared.map(jobKey));
    for (const h of handlers)
      if (!declared.has(jobKey(h.job))) problems.push(`${h.name} handles undeclared job ${jobKey(h.job)}`);
    if (problems.length > 0) throw new JobCatalogueError(problems);
    return resolved;
  }
}
