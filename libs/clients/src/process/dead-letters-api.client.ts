import type { CallContext } from '@plantsync/connectors';
import { actingForHeaders, seg, SystemApiHttp, type SystemApiClientOptions } from '../http/system-api.http';
import type { SystemApiName } from '../errors/system-api.errors';
import type { DeadLetterFilterInput, DeadLetterPageView, DeadLetterStatusName, DeadLetterView } from './process-api.views';

/** The process apps that mount libs/messaging's dead-letter API (`/v1/dead-letters`). */
export const DEAD_LETTER_SOURCES = ['order-release', 'inventory-transfer', 'production-sync'] as const satisfies readonly SystemApiName[];
export type DeadLetterSource = (typeof DEAD_LETTER_SOURCES)[number];

/**
 * One process app's dead letters (libs/messaging `DeadLettersController`). Replay and discard are
 * operator actions: pass `actingFor` so the app records the person, not only the service key.
 */
export class DeadLettersApiClient {
  private readonly http: SystemApiHttp;

  constructor(
    readonly source: DeadLetterSource,
    options: SystemApiClientOptions,
  ) {
    this.http = new SystemApiHttp(source, options);
  }

  list(ctx: CallContext, query: DeadLetterFilterInput & { status?: DeadLetterStatusName; cursor?: string; limit?: number } = {}): Promise<DeadLetterPageView> {
    return this.http.call(ctx, { method: 'GET', path: '/v1/dead-letters', query: { ...query }, operation: 'listDeadLetters' });
  }

  get(ctx: CallContext, id: string): Promise<DeadLetterView> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/dead-letters/${seg(id)}`, operation: 'getDeadLetter' });
  }

  /** Re-enqueues one open dead letter; 409 dead-letter-not-open once replayed or discarded. */
  replay(ctx: CallContext, id: string, actingFor?: string): Promise<{ jobId: string }> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/dead-letters/${seg(id)}/replay`, operation: 'replayDeadLetter', headers: actingForHeaders(actingFor) });
  }

  /** Replays every open dead letter matching the filter (at most 500 per call). */
  replayMany(ctx: CallContext, filter: DeadLetterFilterInput, actingFor?: string): Promise<{ replayed: string[]; failed: string[] }> {
    return this.http.call(ctx, { method: 'POST', path: '/v1/dead-letters/replay', body: { filter }, operation: 'replayDeadLetters', headers: actingForHeaders(actingFor) });
  }

  discard(ctx: CallContext, id: string, reason: string, actingFor?: string): Promise<DeadLetterView> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/dead-letters/${seg(id)}/discard`, body: { reason }, operation: 'discardDeadLetter', headers: actingForHeaders(actingFor) });
  }
}

/** Every process app's dead-letter API, by source. */
export class DeadLetterApis {
  private readonly clients: ReadonlyMap<DeadLetterSource, DeadLettersApiClient>;

  constructor(clients: DeadLettersApiClient[]) {
    this.clients = new Map(clients.map((c) => [c.source, c]));
  }

  of(source: DeadLetterSource): DeadLettersApiClient {
    const client = this.clients.get(source);
    if (!client) throw new Error(`no dead-letter API client for ${source}`);
    return client;
  }

  all(): DeadLettersApiClient[] {
    return [...this.clients.values()];
  }
}
