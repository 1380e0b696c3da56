import { validateConfig } from '@plantsync/platform';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { SagaRecoveryOptions } from './saga-recovery';

/**
 * Environment of the recovery sweep (optional; defaults in DEFAULT_SAGA_RECOVERY). Shorter values
 * find a saga whose next job was lost (e.g. Redis down at the moment of the enqueue) sooner, at the
 * cost of more database reads.
 */
export class SagaRecoveryConfig {
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  SAGA_RECOVERY_INTERVAL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(24 * 3_600_000)
  SAGA_RECOVERY_STALE_AFTER_MS?: number;
}

export function sagaRecoveryFromEnv(env: Record<string, string | undefined> = process.env): Partial<SagaRecoveryOptions> {
  const config = validateConfig(SagaRecoveryConfig, env);
  return {
    ...(config.SAGA_RECOVERY_INTERVAL_MS !== undefined ? { intervalMs: config.SAGA_RECOVERY_INTERVAL_MS } : {}),
    ...(config.SAGA_RECOVERY_STALE_AFTER_MS !== undefined ? { staleAfterMs: config.SAGA_RECOVERY_STALE_AFTER_MS } : {}),
  };
}
