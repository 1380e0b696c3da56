import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampType } from './portable-types';

export class CreateOutboxEvent1760000000000 implements MigrationInterface {
  name = 'CreateOutboxEvent1760000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outbox_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'type', type: 'varchar', length: '128' },
          { name: 'subject', type: 'varchar', length: '128' },
          { name: 'payload', type: 'text' },
          { name: 'correlationId', type: 'varchar', length: '64' },
          { name: 'createdAt', type: ts },
          { name: 'publishedAt', type: ts, isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'claimedBy', type: 'varchar', length: '36', isNullable: true },
          { name: 'claimedAt', type: ts, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'outbox_event',
      new TableIndex({ name: 'IDX_outbox_event_unpublished', columnNames: ['publishedAt', 'createdAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_event');
  }
}
