import { IsBooleanString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Environment read by libs/messaging (validated with validateConfig at boot). */
export class MessagingRedisConfig {
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Same variable as the platform's key prefix; queues live under it too. */
  @Matches(/^[A-Za-z0-9:_.{}-]*$/, { message: 'PLANTSYNC_REDIS_PREFIX may hold only [A-Za-z0-9:_.{}-]' })
  PLANTSYNC_REDIS_PREFIX: string = 'plantsync:';

  /** 'true' on Redis Cluster: the queue prefix becomes a hash tag so each queue's keys share a slot. */
  @IsOptional()
  @IsBooleanString()
  PLANTSYNC_REDIS_CLUSTER: string = 'false';

  /**
   * BullMQ `lockDuration` of every job a worker runs (ms, default 30000; renewed at half of it). A
   * crashed worker's job is taken over by another worker once its lock expired and a stalled check
   * saw it: shorter means faster takeover, but a worker blocked longer than this loses its jobs.
   */
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  PLANTSYNC_WORKER_LOCK_MS?: number;

  /** BullMQ `stalledInterval`: how often workers look for jobs whose lock expired (ms, default 30000). */
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  PLANTSYNC_WORKER_STALLED_CHECK_MS?: number;
}

/** What the queues, workers and relay connect with. */
export interface MessagingRedisSettings {
  url: string;
  /** BullMQ `prefix` option (keys are `<prefix>:<queue>:…`). */
  prefix: string;
  /** PLANTSYNC_WORKER_LOCK_MS, when set. */
  workerLockMs?: number;
  /** PLANTSYNC_WORKER_STALLED_CHECK_MS, when set. */
  stalledCheckMs?: number;
}

/**
 * BullMQ joins prefix and queue name with ':' itself, so a trailing ':' is dropped
 * ('plantsync:' → 'plantsync'). On Redis Cluster every key a BullMQ Lua script touches must be in
 * one slot: wrapping the prefix in braces ('{plantsync}') makes it the hash tag (BullMQ guide, "Redis
 * Cluster"). All queues then share one slot; use one prefix per app to spread them if needed.
 */
export function queuePrefix(envPrefix: string, cluster: boolean): string {
  const bare = envPrefix.replace(/:+$/, '') || 'plantsync';
  if (!cluster || (bare.startsWith('{') && bare.endsWith('}'))) return bare;
  return `{${bare.replace(/[{}]/g, '')}}`;
}

export function messagingRedisSettings(config: MessagingRedisConfig): MessagingRedisSettings {
  return {
    url: config.REDIS_URL,
    prefix: queuePrefix(config.PLANTSYNC_REDIS_PREFIX, config.PLANTSYNC_REDIS_CLUSTER === 'true'),
    ...(config.PLANTSYNC_WORKER_LOCK_MS !== undefined ? { workerLockMs: config.PLANTSYNC_WORKER_LOCK_MS } : {}),
    ...(config.PLANTSYNC_WORKER_STALLED_CHECK_MS !== undefined ? { stalledCheckMs: config.PLANTSYNC_WORKER_STALLED_CHECK_MS } : {}),
  };
}
