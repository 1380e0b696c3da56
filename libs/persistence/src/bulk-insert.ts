import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT statement: 100 rows × ~12 columns stays well under SQLite's and PostgreSQL's bind-parameter limits. */
const ROWS_PER_STATEMENT = 100;

export interface BulkInsertOptions<T> {
  /** Skip rows that violate a unique constraint (`ON CONFLICT DO NOTHING`, SQLite ≥ 3.24 and PostgreSQL). */
  skipConflicts?: boolean;
  /** Entity properties to return for the rows actually inserted (`RETURNING`, SQLite ≥ 3.35 and PostgreSQL). */
  returning?: ReadonlyArray<keyof T & string>;
}

/**
 * Multi-row INSERT of entity rows, on SQLite and PostgreSQL alike, for write paths where TypeORM's
 * InsertQueryBuilder costs more than the database: it names every bind parameter and rewrites the
 * SQL per parameter (quadratic in the row count), and on SQLite reads every inserted row back to
 * learn defaults. Here the statement is built once per chunk with positional parameters, and each
 * value goes through the driver's `preparePersistentValue` — the same column transformers and
 * date/boolean conversions TypeORM applies — so rows are stored exactly as `repository.insert`
 * stores them. Every row must give every column of the first row; nothing is read back except
 * `returning`. Returns the returned rows keyed by property name (empty without `returning`).
 */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
  options: BulkInsertOptions<T> = {},
): Promise<Array<Partial<T>>> {
  if (rows.length === 0) return [];
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const postgres = manager.connection.options.type === 'postgres';
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const columns = Object.keys(rows[0]).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
    return column;
  });
  const returning = (options.returning ?? []).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
    return column;
  });
  const head = `INSERT INTO ${quote(metadata.tableName)} (${columns.map((c) => quote(c.databaseName)).join(', ')}) VALUES `;
  const tail =
    (options.skipConflicts ? ' ON CONFLICT DO NOTHING' : '') +
    (returning.length > 0
      ? ` RETURNING ${returning.map((c) => quote(c.databaseName)).join(', ')}`
      : '');

  const returned: Array<Partial<T>> = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column));
        return postgres ? `$${parameters.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const result = (await manager.query(head + tuples.join(', ') + tail, parameters)) as unknown;
    if (returning.length === 0) continue;
    for (const raw of result as Array<Record<string, unknown>>) {
      const row: Record<string, unknown> = {};
      for (const column of returning) row[column.propertyName] = raw[column.databaseName];
      returned.push(row as Partial<T>);
    }
  }
  return returned;
}
