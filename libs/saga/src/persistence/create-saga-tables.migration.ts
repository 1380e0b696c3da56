import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** `timestamp` on PostgreSQL, `datetime` on SQLite: what TypeORM maps an entity's `Date` column to. */
function timestampType(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
}

/** saga_instance, saga_step, saga_compensation (portable: QueryRunner API only, ADR 0003). */
export class CreateSagaTables1761000000000 implements MigrationInterface {
  name = 'CreateSagaTables1761000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'saga_instance',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'businessKey', type: 'varchar', length: '128' },
          { name: 'activeKey', type: 'varchar', length: '128', isNullable: true },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'currentStep', type: 'varchar', length: '64', isNullable: true },
          { name: 'context', type: 'text' },
          { name: 'failureReason', type: 'varchar', length: '1000', isNullable: true },
          { name: 'failureCode', type: 'varchar', length: '64', isNullable: true },
          { name: 'failedStep', type: 'varchar', length: '64', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '24', isNullable: true },
          { name: 'correlationId', type: 'varchar', length: '128' },
          { name: 'version', type: 'integer', default: 0 },
          { name: 'createdAt', type: ts },
          { name: 'updatedAt', type: ts },
          { name: 'deadlineAt', type: ts, isNullable: true },
          { name: 'cancelRequestedAt', type: ts, isNullable: true },
          { name: 'cancelReason', type: 'varchar', length: '500', isNullable: true },
          { name: 'decidedBy', type: 'varchar', length: '128', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('saga_instance', new TableIndex({ name: 'IDX_saga_instance_type_status', columnNames: ['type', 'status'] }));
    await queryRunner.createIndex('saga_instance', new TableIndex({ name: 'IDX_saga_instance_business_key', columnNames: ['businessKey'] }));
    await queryRunner.createIndex(
      'saga_instance',
      new TableIndex({ name: 'UQ_saga_instance_active_key', columnNames: ['type', 'activeKey'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'saga_step',
        columns: [
          { name: 'sagaId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'startedAt', type: ts, isNullable: true },
          { name: 'finishedAt', type: ts, isNullable: true },
          { name: 'lastError', type: 'varchar', length: '2000', isNullable: true },
          { name: 'output', type: 'text', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'saga_compensation',
        columns: [
          { name: 'sagaId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'step', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'args', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'doneAt', type: ts, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('saga_compensation');
    await queryRunner.dropTable('saga_step');
    await queryRunner.dropTable('saga_instance');
  }
}
