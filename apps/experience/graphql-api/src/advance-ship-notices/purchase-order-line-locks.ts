import { Inject, Injectable, Logger } from '@nestjs/common';
import { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from '@plantsync/platform';
import type { Redis } from 'ioredis';
import { Mutex, TimeoutError } from 'redis-semaphore';
import { ErrorCode } from '../errors/error-codes';
import { apiError } from '../errors/graphql-errors';

/** Long enough for one submission (PO reads, the WMS call, the save); renewed while it runs. */
const LOCK_TIMEOUT_MS = 30_000;
/** How long a notice waits for another notice on the same line before answering CONFLICT. */
const ACQUIRE_TIMEOUT_MS = 5_000;

/**
 * Serialises advance ship notices that touch the same purchase-order lines, across every
 * graphql-api instance: the over-shipment check reads what earlier notices announced on a line
 * and the save adds to it, so two notices checked at the same instant could otherwise both pass
 * the tolerance and together ship more than the line allows.
 *
 * One Redis mutex per `<plant>/<po>/<line>` (redis-semaphore: SET NX with a token, auto-renewed,
 * released by compare-and-delete), taken in sorted order so two notices over the same lines in a
 * different order cannot deadlock. The library prefixes keys with `mutex:`; ours sit under the
 * platform prefix after it, and expire on their own if an instance dies holding one.
 */
@Injectable()
export class PurchaseOrderLineLocks {
  private readonly logger = new Logger('PurchaseOrderLineLocks');

  constructor(
    @Inject(PLATFORM_REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_REDIS_PREFIX) private readonly prefix: string,
  ) {}

  /** Runs `work` holding every line's lock; CONFLICT when another notice holds one for too long. */
  async withLines<T>(plant: string, lines: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const held: Mutex[] = [];
    try {
      for (const line of [...new Set(lines)].sort()) {
        const mutex = new Mutex(this.redis, `${this.prefix}graphql-api:asn:line-lock:${plant}/${line}`, {
          lockTimeout: LOCK_TIMEOUT_MS,
          acquireTimeout: ACQUIRE_TIMEOUT_MS,
          retryInterval: 50,
          // Only possible when Redis went away mid-submission; the save that follows is still
          // idempotent per clientMutationId, so losing the lock is logged, not fatal.
          onLockLost: (error) => this.logger.warn(`lock on ${plant}/${line} lost: ${error.message}`),
        });
        try {
          await mutex.acquire();
        } catch (error) {
          if (!(error instanceof TimeoutError)) throw error;
          throw apiError(ErrorCode.CONFLICT, `Line ${line} at ${plant} is being announced by another notice right now; submit again in a moment.`, {
            reason: 'purchase-order-line-busy',
          });
        }
        held.push(mutex);
      }
      return await work();
    } finally {
      await Promise.allSettled(held.map((mutex) => mutex.release()));
    }
  }
}
