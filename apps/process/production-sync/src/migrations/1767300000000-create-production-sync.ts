import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** production-sync's tables (portable: QueryRunner API only, ADR 0003). */
export class CreateProductionSync1767300000000 implements MigrationInterface {
  name = 'CreateProductionSync1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'production_sync_confirmation',
        columns: [
          { name: 'id', type: 'varchar', length: '160', isPrimary: true },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'messageId', type: 'varchar', length: '128' },
          { name: 'productionOrder', type: 'varchar', length: '64' },
          { name: 'sequence', type: 'integer' },
          { name: 'confirmation', type: 'text' },
          { name: 'plan', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'correlationId', type: 'varchar', length: '128' },
          { name: 'eventId', type: 'varchar', length: '64' },
          { name: 'receivedAt', type: ts },
          { name: 'postedAt', type: ts, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'production_sync_confirmation',
      new TableIndex({ name: 'IDX_production_sync_confirmation_order', columnNames: ['plant', 'productionOrder', 'sequence'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'production_sync_order_cursor',
        columns: [
          { name: 'id', type: 'varchar', length: '96', isPrimary: true },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'productionOrder', type: 'varchar', length: '64' },
          { name: 'nextSequence', type: 'integer' },
          { name: 'updatedAt', type: ts },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'production_sync_exception',
        columns: [
          { name: 'id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'productionOrder', type: 'varchar', length: '64' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'missingSequences', type: 'varchar', length: '500' },
          { name: 'waitingSequences', type: 'varchar', length: '500' },
          { name: 'detail', type: 'varchar', length: '500' },
          { name: 'openedAt', type: ts },
        ],
      }),
    );
    await queryRunner.createIndex(
      'production_sync_exception',
      new TableIndex({ name: 'IDX_production_sync_exception_plant', columnNames: ['plant', 'openedAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('production_sync_exception');
    await queryRunner.dropTable('production_sync_order_cursor');
    await queryRunner.dropTable('production_sync_confirmation');
  }
}
