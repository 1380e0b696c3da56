import { Injectable } from '@nestjs/common';
import type { CallContext } from '@plantsync/clients';
import { gatherSources } from '../gather-sources';
import type { OperationalExceptionsArgs } from './exceptions.args';
import { type ExceptionSource, ReconciliationExceptionSource, ReleaseExceptionSource, SequenceGapExceptionSource, TransferExceptionSource } from './exception-sources';
import type { OperationalExceptionListModel } from './models/operational-exception.model';

/** Every process' exceptions in one list, newest first; a source that does not answer is reported, not fatal. */
@Injectable()
export class OperationalExceptionsService {
  private readonly sources: ExceptionSource[];

  constructor(releases: ReleaseExceptionSource, transfers: TransferExceptionSource, reconciliation: ReconciliationExceptionSource, gaps: SequenceGapExceptionSource) {
    this.sources = [releases, transfers, reconciliation, gaps];
  }

  async list(ctx: CallContext, args: OperationalExceptionsArgs): Promise<OperationalExceptionListModel> {
    const kinds = args.kinds?.length ? new Set(args.kinds) : undefined;
    const asked = this.sources.filter((s) => !kinds || s.kinds.some((k) => kinds.has(k)));
    const { values, unavailable } = await gatherSources(asked.map((s) => ({ source: s.source, read: () => s.read(ctx, args.plant) })));
    const all = values
      .flat()
      .filter((e) => (!kinds || kinds.has(e.kind)) && (!args.plant || e.plant === args.plant))
      .sort((a, b) => b.since.localeCompare(a.since) || a.id.localeCompare(b.id));
    return { items: all.slice(0, args.first), truncated: all.length > args.first, unavailableSources: unavailable };
  }
}
