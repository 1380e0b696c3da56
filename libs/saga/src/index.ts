// libs/saga: sagas whose state lives in the database, run one step per BullMQ job, every step
// idempotent, compensations registered before the step runs (docs/adr/0006-saga-engine.md).
export * from './definition/saga-definition';
export * from './definition/saga-tools';
export * from './definition/saga.errors';

export * from './persistence/saga-status';
export { SagaInstance } from './persistence/saga-instance.entity';
export { SagaStepRecord } from './persistence/saga-step.entity';
export { SagaCompensationRecord } from './persistence/saga-compensation.entity';
export { CreateSagaTables1761000000000 } from './persistence/create-saga-tables.migration';
export { sagaEntities, sagaMigrations } from './persistence/saga.schema';

export * from './jobs/saga-jobs';
export { sagaJobHandlerClasses } from './jobs/saga-job-handlers';

export * from './runner/saga-view';
export { SagaRunner, type SagaRunnerDeps, type StartSagaInput, type SagaListFilter } from './runner/saga.runner';
export { SagaRecovery, DEFAULT_SAGA_RECOVERY, type SagaRecoveryOptions } from './runner/saga-recovery';
export { SagaRecoveryConfig, sagaRecoveryFromEnv } from './runner/saga-recovery.config';
export {
  SagaModule,
  sagaRunnerToken,
  sagaShapeOf,
  type SagaModuleOptions,
  type SagaModuleAsyncOptions,
  type SagaShape,
} from './saga.module';
