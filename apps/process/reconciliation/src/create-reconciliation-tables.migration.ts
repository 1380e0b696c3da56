import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** reconciliation_run, reconciliation_difference, sync_observation (portable: QueryRunner API only, ADR 0003). */
export class CreateReconciliationTables1763790000000 implements MigrationInterface {
  name = 'CreateReconciliationTables1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'reconciliation_run',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'domain', type: 'varchar', length: '16' },
          { name: 'plant', type: 'varchar', length: '16', isNullable: true },
          { name: 'trigger', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'systemOfRecord', type: 'varchar', length: '8', isNullable: true },
          { name: 'counts', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'correlationId', type: 'varchar', length: '64' },
          { name: 'startedAt', type: ts },
          { name: 'finishedAt', type: ts, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('reconciliation_run', new TableIndex({ name: 'IDX_reconciliation_run_started', columnNames: ['startedAt'] }));
    await queryRunner.createTable(
      new Table({
        name: 'reconciliation_difference',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'runId', type: 'varchar', length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'item', type: 'varchar', length: '64' },
          { name: 'location', type: 'varchar', length: '64' },
          { name: 'lot', type: 'varchar', length: '64', isNullable: true },
          { name: 'stockStatus', type: 'varchar', length: '24' },
          { name: 'erpStatus', type: 'varchar', length: '24', isNullable: true },
          { name: 'wmsStatus', type: 'varchar', length: '24', isNullable: true },
          { name: 'erpQuantity', type: 'varchar', length: '40', isNullable: true },
          { name: 'wmsQuantity', type: 'varchar', length: '40', isNullable: true },
          { name: 'unit', type: 'varchar', length: '16' },
          { name: 'missingIn', type: 'varchar', length: '8', isNullable: true },
          { name: 'explanation', type: 'text' },
          { name: 'action', type: 'varchar', length: '24' },
          { name: 'actionDetail', type: 'text' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'reconciliation_difference',
      new TableIndex({ name: 'IDX_reconciliation_difference_run', columnNames: ['runId', 'seq'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sync_observation',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'domain', type: 'varchar', length: '16' },
          { name: 'businessKey', type: 'varchar', length: '128' },
          { name: 'source', type: 'varchar', length: '64' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'eventTime', type: ts },
          { name: 'postedAt', type: ts, isNullable: true },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'impact', type: 'varchar', length: '500', isNullable: true },
          { name: 'recordedAt', type: ts },
        ],
      }),
    );
    await queryRunner.createIndex(
      'sync_observation',
      new TableIndex({ name: 'IDX_sync_observation_scope', columnNames: ['plant', 'domain', 'recordedAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sync_observation');
    await queryRunner.dropTable('reconciliation_difference');
    await queryRunner.dropTable('reconciliation_run');
  }
}
