import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The inbound no longer reads rows back by receipt id (ADR 0011: accepted vs duplicate comes from
 * the INSERT's RETURNING), and nothing else looks rows up by it; the index only cost a random
 * B-tree insert per stored message.
 */
export class DropInboundReceiptIndex1795300000000 implements MigrationInterface {
  name = 'DropInboundReceiptIndex1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('inbound_confirmations', 'ix_inbound_confirmations_receipt');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'inbound_confirmations',
      new TableIndex({ name: 'ix_inbound_confirmations_receipt', columnNames: ['receipt_id'] }),
    );
  }
}
