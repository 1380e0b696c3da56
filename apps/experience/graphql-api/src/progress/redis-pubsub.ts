import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * Pub/sub over Redis channels, so a change one graphql-api instance sees reaches subscribers on
 * every instance. One subscriber connection per instance (a subscribing ioredis connection can do
 * nothing else), channels subscribed while at least one local iterator listens.
 */
export class RedisPubSub {
  private readonly logger = new Logger('RedisPubSub');
  private readonly listeners = new Map<string, Set<(message: string) => void>>();
  private subscriber?: Redis;

  constructor(
    private readonly publisher: Redis,
    /** Key prefix of this deployment (PLANTSYNC_REDIS_PREFIX): channels of two deployments never mix. */
    private readonly prefix: string,
  ) {}

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(payload));
  }

  /**
   * Resolves once Redis confirmed the subscription (so nothing published after it is missed) with
   * an iterator of the channel's messages; `return()` unsubscribes.
   */
  async subscribe<T>(channel: string): Promise<AsyncIterableIterator<T>> {
    const queue: T[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const listener = (message: string) => {
      queue.push(JSON.parse(message) as T);
      wake?.();
    };
    const key = this.prefix + channel;
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
      await this.connection().subscribe(key);
    }
    set.add(listener);
    const stop = async () => {
      if (done) return;
      done = true;
      wake?.();
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) {
        this.listeners.delete(key);
        await this.subscriber?.unsubscribe(key).catch(() => undefined);
      }
    };
    const iterator: AsyncIterableIterator<T> = {
      async next(): Promise<IteratorResult<T>> {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        if (queue.length > 0) return { value: queue.shift() as T, done: false };
        return { value: undefined, done: true };
      },
      async return(): Promise<IteratorResult<T>> {
        await stop();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private connection(): Redis {
    if (!this.subscriber) {
      // Subscribing before the connection is ready must wait, not fail: the offline queue is on here.
      this.subscriber = this.publisher.duplicate({ enableOfflineQueue: true, connectionName: 'graphql-api:pubsub' });
      this.subscriber.on('error', (e: Error) => this.logger.warn(`Redis subscriber: ${e.message}`));
      this.subscriber.on('message', (channel: string, message: string) => {
        for (const listener of this.listeners.get(channel) ?? []) listener(message);
      });
    }
    return this.subscriber;
  }
}
