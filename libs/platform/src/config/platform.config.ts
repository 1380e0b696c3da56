import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Environment read by libs/platform. Validated once at boot (see validateConfig). */
export class PlatformConfig {
  @IsOptional()
  @IsString()
  NODE_ENV: string = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_.{}-]*$/, {
    message: 'PLANTSYNC_REDIS_PREFIX may hold only [A-Za-z0-9:_.{}-]',
  })
  PLANTSYNC_REDIS_PREFIX: string = 'plantsync:';

  @IsString()
  PLANTSYNC_API_KEYS_FILE: string = 'config/api-keys.demo.yaml';

  @IsInt()
  @Min(60)
  @Max(30 * 86400)
  IDEMPOTENCY_TTL_SECONDS: number = 86400;

  /** How long an in-flight marker lives if the process dies before storing the response. */
  @IsInt()
  @Min(5)
  @Max(86400)
  IDEMPOTENCY_LOCK_SECONDS: number = 120;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
