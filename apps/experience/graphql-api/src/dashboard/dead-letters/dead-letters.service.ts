import { Injectable } from '@nestjs/common';
import { type CallContext, DeadLetterApis, type DeadLetterSource, type DeadLettersApiClient, type DeadLetterView } from '@plantsync/clients';
import type { Principal } from '@plantsync/platform';
import { actingForOf } from '../../common/acting-for';
import { badUserInput } from '../../errors/graphql-errors';
import { scrub } from '../../errors/format-error';
import type { DashboardSource } from '../common';
import { gatherSources } from '../gather-sources';
import { deadLetterId, parseDeadLetterId } from './dead-letter-id';
import type { DeadLetterFilterInput, DeadLettersArgs } from './dead-letters.args';
import type {
  DeadLetterGroupModel,
  DeadLetterModel,
  DeadLetterReportModel,
  DeadLetterSourceName,
  DeadLetterStatus,
  ReplayDeadLettersPayloadModel,
} from './models/dead-letter.model';

/** Dead letters counted per source and status: 4 pages of 500, newest first. */
const PAGE = 500;
const MAX_PAGES = 4;
const SAMPLES = 5;

export function toDeadLetterModel(source: DeadLetterSource, view: DeadLetterView): DeadLetterModel {
  return {
    id: deadLetterId(source, view.id),
    source: source as DeadLetterSourceName,
    queue: view.queue,
    jobName: view.jobName,
    reason: view.reason,
    lastError: scrub(view.lastError),
    attempts: view.attempts,
    businessKey: view.businessKey,
    createdAt: view.createdAt,
    status: view.status as DeadLetterStatus,
    replayCount: view.replayCount,
    discardReason: view.discardReason,
  };
}

/** Groups newest-first dead letters by source × reason, largest group first. */
export function groupDeadLetters(letters: DeadLetterModel[]): DeadLetterGroupModel[] {
  const groups = new Map<string, DeadLetterModel[]>();
  for (const dl of letters) groups.set(`${dl.source}\n${dl.reason}`, [...(groups.get(`${dl.source}\n${dl.reason}`) ?? []), dl]);
  return [...groups.values()]
    .map((members) => ({
      source: members[0].source,
      reason: members[0].reason,
      count: members.length,
      newest: members.reduce((a, b) => (b.createdAt > a ? b.createdAt : a), members[0].createdAt),
      oldest: members.reduce((a, b) => (b.createdAt < a ? b.createdAt : a), members[0].createdAt),
      queues: [...new Set(members.map((m) => m.queue))].sort(),
      sampleBusinessKeys: [...new Set(members.map((m) => m.businessKey).filter((k): k is string => k !== null))].slice(0, SAMPLES),
      samples: members.slice(0, SAMPLES),
    }))
    .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.reason.localeCompare(b.reason));
}

/**
 * Dead letters across the process apps' dead-letter APIs, with the graphql-api's service key; the
 * resolvers decide who may read (planner, admin) and who may replay or discard (admin), and the
 * admin goes downstream as X-Acting-For.
 */
@Injectable()
export class DeadLettersService {
  constructor(private readonly apis: DeadLetterApis) {}

  async report(ctx: CallContext, args: DeadLettersArgs): Promise<DeadLetterReportModel> {
    const clients = this.clientsFor(args.source);
    const { values, unavailable } = await gatherSources(
      clients.map((client) => ({ source: client.source as unknown as DashboardSource, read: () => this.readAll(ctx, client, args.status) })),
    );
    const letters = values.flatMap((v) => v.letters);
    return { groups: groupDeadLetters(letters), total: letters.length, truncated: values.some((v) => v.truncated), unavailableSources: unavailable };
  }

  async replayMany(ctx: CallContext, viewer: Principal, filter: DeadLetterFilterInput): Promise<ReplayDeadLettersPayloadModel> {
    const { source, ...match } = filter;
    if (!Object.values(match).some((v) => v !== undefined && v !== null))
      throw badUserInput('Name at least one of reason, queue, jobName or businessKey: replaying every dead letter at once is refused.', [
        { field: 'filter', message: 'at least one of reason, queue, jobName, businessKey is required' },
      ]);
    const clean = Object.fromEntries(Object.entries(match).filter(([, v]) => v !== undefined && v !== null));
    const { values, unavailable } = await gatherSources(
      this.clientsFor(source).map((client) => ({
        source: client.source as unknown as DashboardSource,
        read: async () => ({ source: client.source, result: await client.replayMany(ctx, clean, actingForOf(viewer)) }),
      })),
    );
    return {
      replayed: values.flatMap((v) => v.result.replayed.map((id) => deadLetterId(v.source, id))),
      failed: values.flatMap((v) => v.result.failed.map((id) => deadLetterId(v.source, id))),
      unavailableSources: unavailable,
    };
  }

  /** NOT_FOUND for an unknown id, CONFLICT once replayed or discarded (the process API's 404/409). */
  async replay(ctx: CallContext, viewer: Principal, id: string): Promise<DeadLetterModel> {
    const { source, id: uuid } = parseDeadLetterId(id);
    const client = this.apis.of(source);
    await client.replay(ctx, uuid, actingForOf(viewer));
    return toDeadLetterModel(source, await client.get(ctx, uuid));
  }

  async discard(ctx: CallContext, viewer: Principal, id: string, reason: string): Promise<DeadLetterModel> {
    const { source, id: uuid } = parseDeadLetterId(id);
    return toDeadLetterModel(source, await this.apis.of(source).discard(ctx, uuid, reason, actingForOf(viewer)));
  }

  private clientsFor(source: DeadLetterSourceName | undefined): DeadLettersApiClient[] {
    return source ? [this.apis.of(source as DeadLetterSource)] : this.apis.all();
  }

  private async readAll(ctx: CallContext, client: DeadLettersApiClient, status: DeadLetterStatus): Promise<{ letters: DeadLetterModel[]; truncated: boolean }> {
    const letters: DeadLetterModel[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.list(ctx, { status, limit: PAGE, cursor });
      letters.push(...answer.items.map((v) => toDeadLetterModel(client.source, v)));
      if (!answer.nextCursor) return { letters, truncated: false };
      cursor = answer.nextCursor;
    }
    return { letters, truncated: true };
  }
}
