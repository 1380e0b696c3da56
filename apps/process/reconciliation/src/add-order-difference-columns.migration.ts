import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Orders reconciliation (ERP production orders vs MES work orders) stores its differences beside the
 * stock ones: the production order number and the MES status are new nullable columns, and location
 * and stock status become nullable (an order has neither). Existing rows are left as they are.
 * Portable: QueryRunner API only (ADR 0003).
 */
export class AddOrderDifferenceColumns1763900000000 implements MigrationInterface {
  name = 'AddOrderDifferenceColumns1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('reconciliation_difference', [
      new TableColumn({ name: 'businessKey', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'mesStatus', type: 'varchar', length: '24', isNullable: true }),
    ]);
    await queryRunner.changeColumns('reconciliation_difference', [
      {
        oldColumn: new TableColumn({ name: 'location', type: 'varchar', length: '64' }),
        newColumn: new TableColumn({ name: 'location', type: 'varchar', length: '64', isNullable: true }),
      },
      {
        oldColumn: new TableColumn({ name: 'stockStatus', type: 'varchar', length: '24' }),
        newColumn: new TableColumn({ name: 'stockStatus', type: 'varchar', length: '24', isNullable: true }),
      },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Orders rows have no location or stock status: they cannot survive the NOT NULL constraints.
    await queryRunner.manager.createQueryBuilder().delete().from('reconciliation_difference').where('businessKey IS NOT NULL').execute();
    await queryRunner.changeColumns('reconciliation_difference', [
      {
        oldColumn: new TableColumn({ name: 'location', type: 'varchar', length: '64', isNullable: true }),
        newColumn: new TableColumn({ name: 'location', type: 'varchar', length: '64' }),
      },
      {
        oldColumn: new TableColumn({ name: 'stockStatus', type: 'varchar', length: '24', isNullable: true }),
        newColumn: new TableColumn({ name: 'stockStatus', type: 'varchar', length: '24' }),
      },
    ]);
    await queryRunner.dropColumns('reconciliation_difference', ['mesStatus', 'businessKey']);
  }
}
