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

/** Replaces our in-flight marker with the completed record, keeping nobody else's. */
const COMPLETE_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v and string.find(v, ARGV[1], 1, true) then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

/** Redis-backed records of idempotent requests. Every method throws when Redis is unreachable. */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    private readonly lockSeconds: number,
  ) {}

  async begin(key: string, fingerprint: string): Promise<BeginResult> {
    // Two rounds: the record can expire between a failed SET NX and the GET.
    for (let round = 0; round < 2; round++) {
      const token = randomUUID();
      const marker: IdempotencyRecord = { state: 'in-flight', fingerprint, token };
      const set = await this.redis.set(key, JSON.stringify(marker), 'EX', this.lockSeconds, 'NX');
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

  async complete(
    key: string,
    token: string,
    fingerprint: string,
    response: StoredResponse,
  ): Promise<void> {
    const record: IdempotencyRecord = { state: 'completed', fingerprint, response };
    await this.redis.eval(
      COMPLETE_SCRIPT,
      1,
      key,
      token,
      JSON.stringify(record),
      String(this.ttlSeconds),
    );
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, 1, key, token);
  }
}
