import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from '../outbox/portable-types';

export class CreateInboxMessage1760000000001 implements MigrationInterface {
  name = 'CreateInboxMessage1760000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'inbox_message',
        columns: [
          { name: 'consumer', type: 'varchar', length: '64', isPrimary: true },
          { name: 'eventId', type: 'varchar', length: '64', isPrimary: true },
          { name: 'processedAt', type: timestampType(queryRunner) },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inbox_message');
  }
}
