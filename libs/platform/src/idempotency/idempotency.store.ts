import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (already serialised). */
  body: string;
}

type IdempotencyRecord =
  | { state: 'in-flight'; fingerprint: string; token: string }
  | { state: 'completed'; fingerprint: string; response: StoredResponse };

export type BeginResult =
  | { outcome: 'acquired'; token: string }
  | { outcome: 'in-flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'replay'; response: StoredResponse };

/** Deletes the key only while it still holds our in-flight marker. */
const RELEASE_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v and string.find(v, ARGV[1], 1, true) then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Replaces our in-flight marker with the completed record, keeping nobody else's. A key that is
 * gone (our lease ran out while Redis was away, nobody took it since) gets the record too: the
 * change was applied, and recording it is what stops a retry from applying it again.
 */
const COMPLETE_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if (not v) or string.find(v, ARGV[1], 1, true) then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

/** Extends our in-flight marker's lease; 0 when the marker is no longer ours (or gone). */
const RENEW_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v and string.find(v, ARGV[1], 1, true) then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/**
 * Redis-backed records of idempotent requests. Every method throws when Redis is unreachable.
 *
 * An in-flight marker is a lease of `leaseSeconds`: its holder renews it while the request runs
 * (see IdempotencyLease), so a holder that died or was cut off from Redis frees the key within one
 * lease, while a request that runs longer than that keeps it.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    readonly leaseSeconds: number,
  ) {}

  async begin(key: string, fingerprint: string): Promise<BeginResult> {
    // Two rounds: the record can expire between a failed SET NX and the GET.
    for (let round = 0; round < 2; round++) {
      const token = randomUUID();
      const marker: IdempotencyRecord = { state: 'in-flight', fingerprint, token };
      const set = await this.redis.set(key, JSON.stringify(marker), 'EX', this.leaseSeconds, 'NX');
      if (set === 'OK') return { outcome: 'acquired', token };
      const raw = await this.redis.get(key);
      if (raw === null) continue;
      const record = JSON.parse(raw) as IdempotencyRecord;
      if (record.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (record.state === 'in-flight') return { outcome: 'in-flight' };
      return { outcome: 'replay', response: record.response };
    }
    return { outcome: 'in-flight' };
  }

  /** Extends the lease of our marker by `leaseSeconds` from now. False when it is no longer ours. */
  async renew(key: string, token: string): Promise<boolean> {
    const renewed = await this.redis.eval(
      RENEW_SCRIPT,
      1,
      key,
      token,
      String(this.leaseSeconds * 1000),
    );
    return Number(renewed) === 1;
  }

  /** Records the response. False when another request holds the key by now (nothing written). */
  async complete(
    key: string,
    token: string,
    fingerprint: string,
    response: StoredResponse,
  ): Promise<boolean> {
    const record: IdempotencyRecord = { state: 'completed', fingerprint, response };
    const written = await this.redis.eval(
      COMPLETE_SCRIPT,
      1,
      key,
      token,
      JSON.stringify(record),
      String(this.ttlSeconds),
    );
    return Number(written) === 1;
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, 1, key, token);
  }
}
