import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** inventory_transfer_receipt (portable: QueryRunner API only, ADR 0003). */
export class CreateTransferReceipts1761100000000 implements MigrationInterface {
  name = 'CreateTransferReceipts1761100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'inventory_transfer_receipt',
        columns: [
          { name: 'id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'transferId', type: 'varchar', length: '36' },
          { name: 'quantity', type: 'varchar', length: '40' },
          { name: 'unit', type: 'varchar', length: '12' },
          { name: 'receivedTotal', type: 'varchar', length: '40' },
          { name: 'receivedBy', type: 'varchar', length: '128' },
          { name: 'receivedAt', type: ts },
        ],
      }),
    );
    await queryRunner.createIndex(
      'inventory_transfer_receipt',
      new TableIndex({ name: 'IDX_inventory_transfer_receipt_transfer', columnNames: ['transferId'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inventory_transfer_receipt');
  }
}
