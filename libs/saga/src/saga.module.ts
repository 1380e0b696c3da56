import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { OutboxRelay, OutboxWriter, QueueRegistry, RetryPolicies } from '@plantsync/messaging';
import { DataSource } from 'typeorm';
import type { SagaDefinition } from './definition/saga-definition';
import { sagaJobHandlerClasses } from './jobs/saga-job-handlers';
import { DEFAULT_SAGA_RECOVERY, SagaRecovery, type SagaRecoveryOptions } from './runner/saga-recovery';
import { sagaRecoveryFromEnv } from './runner/saga-recovery.config';
import { SagaRunner } from './runner/saga.runner';

/** DI token of the runner of one saga type (when an app runs several). */
export function sagaRunnerToken(type: string): string {
  return `SagaRunner:${type}`;
}

export interface SagaModuleOptions {
  /**
   * Whether this process runs the saga's jobs: registers the job handlers and the recovery sweep.
   * Match it with MessagingModule's `workers` (an API-only process sets false).
   */
  worker: boolean;
  /** Recovery sweep settings, or false to disable it. */
  recovery?: Partial<SagaRecoveryOptions> | false;
}

/**
 * The job-relevant shape of a definition, known before DI runs: the job handlers are classes
 * created when the module is declared, so their names cannot wait for the factory.
 */
export interface SagaShape {
  type: string;
  queue: string;
  steps: readonly string[];
  compensations: readonly string[];
}

export interface SagaModuleAsyncOptions extends SagaModuleOptions {
  shape: SagaShape;
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a definition of any context type
  useFactory: (...deps: any[]) => SagaDefinition<any>;
}

/** The shape of a definition (what `registerAsync` needs up front). */
export function sagaShapeOf(definition: SagaDefinition<object>): SagaShape {
  return {
    type: definition.type,
    queue: definition.queue,
    steps: definition.steps.map((s) => s.name),
    compensations: Object.keys(definition.compensate ?? {}),
  };
}

/** A stand-in definition with the shape's job names, for declaring the job handler classes. */
function skeleton(shape: SagaShape): SagaDefinition<object> {
  const unused = () => Promise.reject(new Error('skeleton'));
  return {
    type: shape.type,
    queue: shape.queue,
    source: '',
    steps: shape.steps.map((name) => ({ name, run: unused })),
    compensate: Object.fromEntries(shape.compensations.map((a) => [a, unused])),
  };
}

function sameShape(a: SagaShape, b: SagaShape): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Provides the SagaRunner of one definition (as `SagaRunner` and `sagaRunnerToken(type)`), and in
 * worker processes one job handler per step/compensation/expire job plus the recovery sweep.
 * Needs PersistenceModule (with `sagaEntities`/`sagaMigrations`) and MessagingModule.
 */
@Module({})
export class SagaModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a definition of any context type
  static register(definition: SagaDefinition<any>, options: SagaModuleOptions): DynamicModule {
    return SagaModule.registerAsync({ ...options, shape: sagaShapeOf(definition), useFactory: () => definition });
  }

  /** For definitions whose steps need providers (typed clients, config): built by `useFactory`. */
  static registerAsync(options: SagaModuleAsyncOptions): DynamicModule {
    const { shape } = options;
    const token = sagaRunnerToken(shape.type);
    const definitionToken = `SagaDefinition:${shape.type}`;
    const providers: Provider[] = [
      {
        provide: definitionToken,
        inject: options.inject ?? [],
        useFactory: (...deps: unknown[]) => {
          const definition = options.useFactory(...deps);
          const actual = sagaShapeOf(definition);
          if (!sameShape(actual, shape))
            throw new Error(`saga ${shape.type}: the definition ${JSON.stringify(actual)} does not match the declared shape ${JSON.stringify(shape)}`);
          return definition;
        },
      },
      {
        provide: token,
        inject: [definitionToken, DataSource, QueueRegistry, OutboxWriter, OutboxRelay, RetryPolicies],
        useFactory: (
          definition: SagaDefinition<object>,
          dataSource: DataSource,
          queues: QueueRegistry,
          outbox: OutboxWriter,
          relay: OutboxRelay,
          policies: RetryPolicies,
        ) => new SagaRunner({ definition, dataSource, queues, outbox, relay, policies }),
      },
      { provide: SagaRunner, useExisting: token },
    ];
    if (options.worker) {
      providers.push(...sagaJobHandlerClasses(skeleton(shape), token));
      if (options.recovery !== false) {
        // Defaults, then the app's options, then the operator's env (SAGA_RECOVERY_*).
        const recovery = { ...DEFAULT_SAGA_RECOVERY, ...(options.recovery ?? {}), ...sagaRecoveryFromEnv() };
        providers.push({
          provide: SagaRecovery,
          inject: [token],
          useFactory: (runner: SagaRunner<object>) => new SagaRecovery(runner, recovery),
        });
      }
    }
    // Global: controllers in the app's feature modules inject the runner without importing this.
    return { module: SagaModule, global: true, imports: options.imports ?? [], providers, exports: [token, SagaRunner] };
  }
}
