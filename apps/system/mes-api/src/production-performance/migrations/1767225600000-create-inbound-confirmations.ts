import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** inbound_confirmations: the durable inbox of production confirmations (ADR 0003: QueryRunner API only). */
export class CreateInboundConfirmations1767225600000 implements MigrationInterface {
  name = 'CreateInboundConfirmations1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The driver's own type for a Date column (datetime on SQLite, timestamp on PostgreSQL).
    const dateType = queryRunner.connection.driver.normalizeType({ type: Date });
    await queryRunner.createTable(
      new Table({
        name: 'inbound_confirmations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'message_id', type: 'varchar', length: '128' },
          { name: 'production_order', type: 'varchar', length: '64' },
          { name: 'sequence', type: 'integer' },
          { name: 'payload', type: 'text' },
          { name: 'format', type: 'varchar', length: '8' },
          { name: 'received_at', type: dateType },
          { name: 'status', type: 'varchar', length: '16', default: "'received'" },
          { name: 'receipt_id', type: 'varchar', length: '36' },
          { name: 'correlation_id', type: 'varchar', length: '128', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'inbound_confirmations',
      new TableIndex({
        name: 'uq_inbound_confirmations_plant_message',
        columnNames: ['plant', 'message_id'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'inbound_confirmations',
      new TableIndex({ name: 'ix_inbound_confirmations_receipt', columnNames: ['receipt_id'] }),
    );
    await queryRunner.createIndex(
      'inbound_confirmations',
      new TableIndex({ name: 'ix_inbound_confirmations_status', columnNames: ['status'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inbound_confirmations');
  }
}
