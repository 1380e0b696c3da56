import { CreateSagaTables1761000000000 } from './create-saga-tables.migration';
import { SagaCompensationRecord } from './saga-compensation.entity';
import { SagaInstance } from './saga-instance.entity';
import { SagaStepRecord } from './saga-step.entity';

/** Pass to PersistenceModule.forRoot with your own and `messagingEntities`/`messagingMigrations`. */
export const sagaEntities = [SagaInstance, SagaStepRecord, SagaCompensationRecord];
export const sagaMigrations = [CreateSagaTables1761000000000];
