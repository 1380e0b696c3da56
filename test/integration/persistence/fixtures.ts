import {
  Column,
  Entity,
  Index,
  MigrationInterface,
  PrimaryColumn,
  QueryRunner,
  Table,
  TableIndex,
} from 'typeorm';

/** A small table shaped like what the system APIs keep: sync cursors per plant and domain. */
@Entity({ name: 'sync_cursor' })
export class SyncCursor {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index('IDX_sync_cursor_plant')
  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ type: 'varchar', length: 32 })
  domain!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  cursor!: string | null;
}

export class CreateSyncCursor1718000000000 implements MigrationInterface {
  name = 'CreateSyncCursor1718000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'sync_cursor',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'plant', type: 'varchar', length: '16' },
          { name: 'domain', type: 'varchar', length: '32' },
          { name: 'cursor', type: 'varchar', length: '128', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'sync_cursor',
      new TableIndex({ name: 'IDX_sync_cursor_plant', columnNames: ['plant'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sync_cursor');
  }
}

/** Same table, but the entity grew a column no migration adds: drift. */
@Entity({ name: 'sync_cursor' })
export class DriftedSyncCursor extends SyncCursor {
  @Column({ type: 'integer', default: 0 })
  lagSeconds!: number;
}
