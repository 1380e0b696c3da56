import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from '@plantsync/platform';
import type { Redis } from 'ioredis';
import type { AdvanceShipNoticeModel } from './models/advance-ship-notice.model';

/** A notice as kept: what the supplier sent, plus what each PO line had received when it arrived. */
export interface StoredAdvanceShipNotice extends Omit<AdvanceShipNoticeModel, 'status'> {
  /** `<purchaseOrder>/<lineNumber>` → received quantity at submission, and the total this notice ships. */
  lineTotals: Record<string, { receivedAtSubmission: string; shipped: string }>;
}

/** What earlier notices announced on one PO line, and what the line had received before the first. */
export interface AdvisedLine {
  advised: string;
  baselineReceived: string;
}

/**
 * Where accepted notices live for the portal (the WMS holds the expected receipt; the notice's
 * packages, the caller's idempotency keys and what is in transit per PO line are ours): the
 * platform's Redis, under its key prefix — see docs/graphql.md.
 */
@Injectable()
export class AdvanceShipNoticeStore {
  constructor(
    @Inject(PLATFORM_REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_REDIS_PREFIX) private readonly prefix: string,
  ) {}

  private key(...parts: string[]): string {
    return `${this.prefix}graphql-api:asn:${parts.join(':')}`;
  }

  async get(id: string): Promise<StoredAdvanceShipNotice | undefined> {
    const raw = await this.redis.get(this.key('notice', id));
    return raw ? (JSON.parse(raw) as StoredAdvanceShipNotice) : undefined;
  }

  async listIds(scope: { supplier?: string; plant?: string }, limit: number): Promise<string[]> {
    const index = scope.supplier ? this.key('by-supplier', scope.supplier) : this.key('by-plant', scope.plant ?? '');
    return this.redis.zrevrange(index, 0, limit - 1);
  }

  /** The notice a caller's clientMutationId already created, with the fingerprint of its input. */
  async byClientMutationId(caller: string, clientMutationId: string): Promise<{ id: string; fingerprint: string } | undefined> {
    const raw = await this.redis.get(this.key('idempotency', caller, clientMutationId));
    if (!raw) return undefined;
    const [id, fingerprint] = raw.split('|');
    return { id, fingerprint };
  }

  async advised(plant: string, line: string): Promise<AdvisedLine | undefined> {
    const raw = await this.redis.get(this.key('line', plant, line));
    return raw ? (JSON.parse(raw) as AdvisedLine) : undefined;
  }

  /**
   * Claims the caller's clientMutationId for this notice (SET NX), then writes the notice, its
   * indexes and the advised totals in one MULTI. Returns the id that owns the key: another one when
   * a concurrent request with the same clientMutationId got there first (then nothing is written).
   */
  async save(notice: StoredAdvanceShipNotice, caller: string, clientMutationId: string, fingerprint: string, advised: Record<string, AdvisedLine>): Promise<string> {
    const claimed = await this.redis.set(this.key('idempotency', caller, clientMutationId), `${notice.id}|${fingerprint}`, 'NX');
    if (claimed !== 'OK') return (await this.byClientMutationId(caller, clientMutationId))?.id ?? notice.id;
    const score = Date.parse(notice.submittedAt);
    const tx = this.redis
      .multi()
      .set(this.key('notice', notice.id), JSON.stringify(notice))
      .zadd(this.key('by-supplier', notice.supplier), score, notice.id)
      .zadd(this.key('by-plant', notice.plant), score, notice.id);
    for (const [line, totals] of Object.entries(advised)) tx.set(this.key('line', notice.plant, line), JSON.stringify(totals));
    await tx.exec();
    return notice.id;
  }
}
