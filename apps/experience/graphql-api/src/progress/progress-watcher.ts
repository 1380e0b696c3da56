import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ErpApiClient } from '@plantsync/clients';
import { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from '@plantsync/platform';
import type { Redis } from 'ioredis';
import { GRAPHQL_API_CONFIG, type GraphqlApiConfig } from '../config/graphql-api.config';
import { InventoryTransfersService } from '../inventory-transfers/inventory-transfers.service';
import { FINAL_INVENTORY_TRANSFER_STATUSES } from '../inventory-transfers/models/inventory-transfer.model';
import { FINAL_ORDER_RELEASE_STATUSES } from '../order-releases/models/order-release.model';
import { OrderReleasesService } from '../order-releases/order-releases.service';
import { RedisPubSub } from './redis-pubsub';

export type ProgressKind = 'order-release' | 'inventory-transfer' | 'purchase-order';

/** Purchase orders are final once received in full or cancelled. */
const FINAL_PURCHASE_ORDER_STATUSES: ReadonlySet<string> = new Set(['received', 'cancelled']);

interface Snapshot {
  status: string;
}

interface Watched {
  kind: ProgressKind;
  id: string;
  subscribers: number;
  lastPublished?: string;
}

const channelOf = (kind: ProgressKind, id: string) => `graphql-api:progress:${kind}:${id}`;

/**
 * Where release and transfer progress comes from: the process APIs are polled for the ids someone
 * subscribed to, and every change is published on Redis, where each instance's subscribers read it.
 * Polling is the simplest reliable source (the process APIs already answer every step with its
 * timestamps; nothing is lost when this app restarts). Across instances, one instance polls a
 * given id at a time — whoever holds its Redis lease — so N instances cost the process API no more
 * than one.
 */
@Injectable()
export class ProgressWatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('ProgressWatcher');
  private readonly pubsub: RedisPubSub;
  private readonly instance = randomUUID();
  private readonly watched = new Map<string, Watched>();
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    @Inject(PLATFORM_REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_REDIS_PREFIX) private readonly prefix: string,
    @Inject(GRAPHQL_API_CONFIG) private readonly config: GraphqlApiConfig,
    private readonly releases: OrderReleasesService,
    private readonly transfers: InventoryTransfersService,
    private readonly erp: ErpApiClient,
  ) {
    this.pubsub = new RedisPubSub(redis, prefix);
  }

  /**
   * The current state first (NOT_FOUND is thrown here, before anything is subscribed), then every
   * change until a final status. Subscribes to the channel before reading the state, so a change
   * between the two is never missed; a change seen twice is sent once.
   */
  async follow<T extends Snapshot>(kind: ProgressKind, id: string): Promise<AsyncIterableIterator<T>> {
    const messages = await this.pubsub.subscribe<T>(channelOf(kind, id));
    let current: T;
    try {
      current = (await this.load(kind, id)) as T;
    } catch (e) {
      await messages.return?.();
      throw e;
    }
    const final = this.finalStatuses(kind);
    const key = this.watch(kind, id);
    const release = () => this.unwatch(key);
    return (async function* (): AsyncGenerator<T> {
      try {
        let last = JSON.stringify(current);
        yield current;
        if (final.has(current.status)) return;
        for await (const next of messages) {
          const seen = JSON.stringify(next);
          if (seen === last) continue;
          last = seen;
          yield next;
          if (final.has(next.status)) return;
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

  /** With the service key: who may see it was decided before `follow` was called. A purchase order's id is `<plant>/<id>`. */
  private load(kind: ProgressKind, id: string): Promise<Snapshot> {
    if (kind === 'order-release') return this.releases.get({}, id);
    if (kind === 'inventory-transfer') return this.transfers.get({}, id);
    const cut = id.indexOf('/');
    return this.erp.getPurchaseOrder({}, id.slice(0, cut), id.slice(cut + 1));
  }

  private finalStatuses(kind: ProgressKind): ReadonlySet<string> {
    if (kind === 'order-release') return FINAL_ORDER_RELEASE_STATUSES;
    if (kind === 'inventory-transfer') return FINAL_INVENTORY_TRANSFER_STATUSES;
    return FINAL_PURCHASE_ORDER_STATUSES;
  }

  private watch(kind: ProgressKind, id: string): string {
    const key = `${kind}:${id}`;
    const entry = this.watched.get(key) ?? { kind, id, subscribers: 0 };
    entry.subscribers += 1;
    this.watched.set(key, entry);
    this.timer ??= setInterval(() => void this.tick(), this.config.GRAPHQL_PROGRESS_POLL_MS);
    return key;
  }

  private unwatch(key: string): void {
    const entry = this.watched.get(key);
    if (!entry) return;
    entry.subscribers -= 1;
    if (entry.subscribers <= 0) this.watched.delete(key);
    if (this.watched.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await Promise.all([...this.watched.values()].map((entry) => this.poll(entry)));
    } finally {
      this.ticking = false;
    }
  }

  private async poll(entry: Watched): Promise<void> {
    try {
      if (!(await this.holdLease(entry))) return;
      const snapshot = await this.load(entry.kind, entry.id);
      const seen = JSON.stringify(snapshot);
      if (seen === entry.lastPublished) return;
      entry.lastPublished = seen;
      await this.pubsub.publish(channelOf(entry.kind, entry.id), snapshot);
    } catch (e) {
      // The next tick tries again; subscribers keep the last state they got.
      this.logger.warn(`polling ${entry.kind} ${entry.id}: ${(e as Error).message}`);
    }
  }

  /** One instance polls an id at a time: a lease of three poll intervals, renewed while held. */
  private async holdLease(entry: Watched): Promise<boolean> {
    const key = `${this.prefix}graphql-api:progress-lease:${entry.kind}:${entry.id}`;
    const ttl = this.config.GRAPHQL_PROGRESS_POLL_MS * 3;
    if ((await this.redis.set(key, this.instance, 'PX', ttl, 'NX')) === 'OK') return true;
    if ((await this.redis.get(key)) !== this.instance) return false;
    await this.redis.pexpire(key, ttl);
    return true;
  }
}
