import { IsOptional, IsString, Matches } from 'class-validator';

/** Environment read by libs/persistence (validated with validateConfig at boot). */
export class PersistenceConfig {
  /** postgres://… selects PostgreSQL; unset means SQLite. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'DATABASE_URL must be a postgres:// URL (unset for SQLite)',
  })
  DATABASE_URL?: string;

  /** PostgreSQL schema; default the app name with '-' → '_' (erp-api → erp_api). */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'DATABASE_SCHEMA must be a lower-case SQL identifier',
  })
  DATABASE_SCHEMA?: string;

  /** SQLite file; default var/<app>.sqlite. */
  @IsOptional()
  @IsString()
  DATABASE_SQLITE_PATH?: string;
}
