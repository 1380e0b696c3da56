import type { Redis } from 'ioredis';

export type EvictionPolicyVerdict =
  | { ok: true; policy: 'noeviction' }
  | { ok: false; policy: string; message: string }
  | { ok: 'unknown'; message: string };

/**
 * BullMQ needs `maxmemory-policy noeviction`: with any other policy Redis may evict queue keys
 * under memory pressure and jobs silently vanish. Managed Redis often disables CONFIG; that is
 * reported as unknown, not as a failure.
 */
export async function checkEvictionPolicy(redis: Redis): Promise<EvictionPolicyVerdict> {
  try {
    const reply: unknown = await redis.config('GET', 'maxmemory-policy');
    // RESP2 answers [name, value]; RESP3 a map.
    const policy = Array.isArray(reply)
      ? String(reply[1])
      : reply instanceof Map
        ? String(reply.get('maxmemory-policy'))
        : String((reply as Record<string, unknown>)['maxmemory-policy']);
    if (policy === 'noeviction') return { ok: true, policy };
    return {
      ok: false,
      policy: policy ?? '<none>',
      message: `Redis maxmemory-policy is '${policy}', BullMQ needs 'noeviction': jobs can be evicted and lost. Set maxmemory-policy noeviction.`,
    };
  } catch (e) {
    return {
      ok: 'unknown',
      message: `could not read Redis maxmemory-policy (${(e as Error).message}); make sure it is 'noeviction'`,
    };
  }
}
