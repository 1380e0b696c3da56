import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ReconciliationApiClient } from '@plantsync/clients';
import { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from '@plantsync/platform';
import type { Redis } from 'ioredis';
import { GRAPHQL_API_CONFIG, type GraphqlApiConfig } from '../../config/graphql-api.config';
import { RedisPubSub } from '../../progress/redis-pubsub';
import type { SyncHealthArgs } from './sync-health.args';
import { matchesSyncHealthFilter, syncHealthFingerprint, toSyncHealthModel } from './sync-health.mapper';
import type { SyncHealthModel } from './models/sync-health.model';

const CHANNEL = 'graphql-api:sync-health';
const LEASE = 'graphql-api:sync-health-lease';
/** Last published fingerprint per `<plant>|<domain>`: shared, so a new poller does not republish everything. */
const LAST_PUBLISHED = 'graphql-api:sync-health-last';
const LAST_PUBLISHED_TTL_SECONDS = 24 * 3600;

const keyOf = (e: SyncHealthModel) => `${e.plant}|${e.domain}`;

/**
 * Sync-health changes for `syncHealthChanged`. While anyone on any instance is subscribed, ONE
 * elected instance (a Redis lease of three intervals, like ProgressWatcher's) reads reconciliation's
 * GET /v1/sync-health every GRAPHQL_SYNC_HEALTH_POLL_MS, compares each plant × domain with what was
 * last published (a Redis hash) and publishes the changed entries on a Redis channel that every
 * instance's subscribers read.
 *
 * Why poll here instead of having reconciliation publish: reconciliation computes health on
 * demand (observations, queue depths and a readiness probe of every system API); "ERP of P200 went
 * down" is no event anywhere, so reconciliation would need the same timer. Polling from the one
 * elected graphql-api instance keeps reconciliation unchanged, costs one call per interval however
 * many instances and subscribers there are, and needs nothing new to survive restarts.
 */
@Injectable()
export class SyncHealthWatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('SyncHealthWatcher');
  private readonly pubsub: RedisPubSub;
  private readonly instance = randomUUID();
  private subscribers = 0;
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    @Inject(PLATFORM_REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_REDIS_PREFIX) private readonly prefix: string,
    @Inject(GRAPHQL_API_CONFIG) private readonly config: GraphqlApiConfig,
    private readonly reconciliation: ReconciliationApiClient,
  ) {
    this.pubsub = new RedisPubSub(redis, prefix);
  }

  /**
   * Every matching entry now, then each change. Subscribes before reading, so nothing published
   * in between is missed; an entry this subscriber already has unchanged is not sent again.
   * UPSTREAM_UNAVAILABLE (reconciliation down) is thrown here, before anything is subscribed.
   */
  async follow(filter: Partial<SyncHealthArgs>): Promise<AsyncIterableIterator<SyncHealthModel>> {
    const messages = await this.pubsub.subscribe<SyncHealthModel>(CHANNEL);
    let current: SyncHealthModel[];
    try {
      current = (await this.reconciliation.getSyncHealth({})).entries.map(toSyncHealthModel);
    } catch (e) {
      await messages.return?.();
      throw e;
    }
    this.subscribers += 1;
    this.timer ??= setInterval(() => void this.tick(), this.config.GRAPHQL_SYNC_HEALTH_POLL_MS);
    const release = () => this.release();
    return (async function* (): AsyncGenerator<SyncHealthModel> {
      const sent = new Map<string, string>();
      try {
        for (const entry of current.filter((e) => matchesSyncHealthFilter(e, filter))) {
          sent.set(keyOf(entry), syncHealthFingerprint(entry));
          yield entry;
        }
        for await (const entry of messages) {
          // staleOnly filters on the plant × domain, not on this event: a recovery must still be sent.
          if (!matchesSyncHealthFilter(entry, { ...filter, staleOnly: false })) continue;
          if (filter.staleOnly && !entry.stale && !sent.has(keyOf(entry))) continue;
          const fingerprint = syncHealthFingerprint(entry);
          if (sent.get(keyOf(entry)) === fingerprint) continue;
          sent.set(keyOf(entry), fingerprint);
          yield entry;
        }
      } finally {
        release();
        await messages.return?.();
      }
    })();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.pubsub.close();
  }

  private release(): void {
    this.subscribers -= 1;
    if (this.subscribers <= 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      if (!(await this.holdLease())) return;
      const entries = (await this.reconciliation.getSyncHealth({})).entries.map(toSyncHealthModel);
      const hash = this.prefix + LAST_PUBLISHED;
      const last = await this.redis.hgetall(hash);
      for (const entry of entries) {
        const fingerprint = syncHealthFingerprint(entry);
        if (last[keyOf(entry)] === fingerprint) continue;
        await this.pubsub.publish(CHANNEL, entry);
        await this.redis.hset(hash, keyOf(entry), fingerprint);
      }
      await this.redis.expire(hash, LAST_PUBLISHED_TTL_SECONDS);
    } catch (e) {
      // The next tick tries again; subscribers keep what they have.
      this.logger.warn(`reading sync health: ${(e as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async holdLease(): Promise<boolean> {
    const key = this.prefix + LEASE;
    const ttl = this.config.GRAPHQL_SYNC_HEALTH_POLL_MS * 3;
    if ((await this.redis.set(key, this.instance, 'PX', ttl, 'NX')) === 'OK') return true;
    if ((await this.redis.get(key)) !== this.instance) return false;
    await this.redis.pexpire(key, ttl);
    return true;
  }
}
