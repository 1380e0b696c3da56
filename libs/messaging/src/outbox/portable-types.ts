import type { QueryRunner } from 'typeorm';

/**
 * The column type a `Date` entity property maps to on this driver (`timestamp` on PostgreSQL,
 * `datetime` on SQLite). Entities declare `type: Date` and TypeORM picks the same per driver.
 */
export function timestampType(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
}
