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

  /**
   * Lease of an in-flight marker: renewed every third of it while the request runs and until its
   * response is stored, so this is how long a key stays blocked (409) after its holder died or its
   * request was cut off (e.g. by a Redis restart), not a bound on how long a request may run (ADR 0008).
   */
  @IsInt()
  @Min(3)
  @Max(3600)
  IDEMPOTENCY_LOCK_SECONDS: number = 10;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
