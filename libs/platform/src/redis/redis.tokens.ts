/** DI token of the platform's ioredis client (no keyPrefix set: prefix keys with PLATFORM_REDIS_PREFIX). */
export const PLATFORM_REDIS = Symbol('PLATFORM_REDIS');
/** DI token of the key prefix string (PLANTSYNC_REDIS_PREFIX, default 'plantsync:'). */
export const PLATFORM_REDIS_PREFIX = Symbol('PLATFORM_REDIS_PREFIX');
