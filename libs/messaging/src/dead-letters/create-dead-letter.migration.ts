import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampType } from '../outbox/portable-types';

export class CreateDeadLetter1760000000002 implements MigrationInterface {
  name = 'CreateDeadLetter1760000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'dead_letter',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'queue', type: 'varchar', length: '64' },
          { name: 'jobName', type: 'varchar', length: '128' },
          { name: 'jobId', type: 'varchar', length: '255' },
          { name: 'payload', type: 'text' },
          { name: 'reason', type: 'varchar', length: '128' },
          { name: 'attempts', type: 'integer' },
          { name: 'lastError', type: 'text' },
          { name: 'correlationId', type: 'varchar', length: '64' },
          { name: 'businessKey', type: 'varchar', length: '128', isNullable: true },
          { name: 'createdAt', type: timestampType(queryRunner) },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'discardReason', type: 'varchar', length: '500', isNullable: true },
          { name: 'replayCount', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'dead_letter',
      new TableIndex({ name: 'IDX_dead_letter_status_created', columnNames: ['status', 'createdAt'] }),
    );
    await queryRunner.createIndex(
      'dead_letter',
      new TableIndex({ name: 'UQ_dead_letter_queue_job', columnNames: ['queue', 'jobId'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dead_letter');
  }
}
