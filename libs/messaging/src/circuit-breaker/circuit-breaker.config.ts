import { validateConfig } from '@plantsync/platform';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { CircuitBreakerOptions } from './circuit-breaker';
import { DEFAULT_CIRCUIT_OPTIONS } from './circuit-breaker.registry';

/** Environment of the per plant × system circuit breakers (validated at boot, naming a bad value). */
export class CircuitBreakerConfig {
  /** Consecutive outages of one plant's system that open its circuit (default 5). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD?: number;

  /** How long an open circuit fails fast before one trial call (ms, default 30000). */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  PLANTSYNC_CIRCUIT_COOL_DOWN_MS?: number;
}

/** The defaults with the operator's env over them. */
export function circuitOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): CircuitBreakerOptions {
  const config = validateConfig(CircuitBreakerConfig, env);
  return {
    ...DEFAULT_CIRCUIT_OPTIONS,
    ...(config.PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD !== undefined
      ? { failureThreshold: config.PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD }
      : {}),
    ...(config.PLANTSYNC_CIRCUIT_COOL_DOWN_MS !== undefined
      ? { coolDownMs: config.PLANTSYNC_CIRCUIT_COOL_DOWN_MS }
      : {}),
  };
}
