import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MESSAGING_PRODUCER_REDIS } from '../messaging.options';
import { checkEvictionPolicy } from './eviction-policy.check';

/** At boot: warn loudly unless Redis runs with `maxmemory-policy noeviction`. Never blocks boot. */
@Injectable()
export class RedisSettingsCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('MessagingRedis');

  constructor(@Inject(MESSAGING_PRODUCER_REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.logger.warn('Redis is not reachable at boot; queues answer 503 until it is');
      return;
    }
    const verdict = await checkEvictionPolicy(this.redis);
    if (verdict.ok === true) return;
    this.logger.warn(`!!! ${verdict.message} !!!`);
  }
}
