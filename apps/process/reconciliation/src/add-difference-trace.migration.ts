import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Inventory differences keep the ERP postings that explain them (`trace`, JSON text). Nullable:
 * older rows, orders and master-data differences, and differences whose trace could not be read
 * have none. Portable: QueryRunner API only (ADR 0003).
 */
export class AddDifferenceTrace1764000000000 implements MigrationInterface {
  name = 'AddDifferenceTrace1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reconciliation_difference', new TableColumn({ name: 'trace', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reconciliation_difference', 'trace');
  }
}
