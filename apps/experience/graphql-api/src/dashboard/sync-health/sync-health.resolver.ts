import { Args, Context, Query, Resolver, Subscription } from '@nestjs/graphql';
import { ReconciliationApiClient } from '@plantsync/clients';
import { AllowViewers } from '../../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { SyncHealthArgs } from './sync-health.args';
import { matchesSyncHealthFilter, toSyncHealthModel } from './sync-health.mapper';
import { SyncHealthWatcher } from './sync-health.watcher';
import { SyncHealthModel, SyncHealthReportModel } from './models/sync-health.model';

/** Which plants are in sync, per domain. Planners and admins; suppliers get FORBIDDEN. */
@Resolver(() => SyncHealthModel)
@AllowViewers('planner')
export class SyncHealthResolver {
  constructor(
    private readonly reconciliation: ReconciliationApiClient,
    private readonly watcher: SyncHealthWatcher,
  ) {}

  @Query(() => SyncHealthReportModel, { description: 'Sync health per plant × domain: stale flag with reasons, lag, backlog, failure rate, dead letters, latest failures.' })
  async syncHealth(@Args() args: SyncHealthArgs, @Context() ctx: GraphqlContext): Promise<SyncHealthReportModel> {
    const view = await this.reconciliation.getSyncHealth({ correlationId: ctx.correlationId });
    return {
      generatedAt: view.generatedAt,
      windowSeconds: view.windowSeconds,
      entries: view.entries.map(toSyncHealthModel).filter((e) => matchesSyncHealthFilter(e, args)),
    };
  }

  @Subscription(() => SyncHealthModel, {
    description:
      'Every matching plant × domain now, then each one whose stale flag, reasons or figures change (read every GRAPHQL_SYNC_HEALTH_POLL_MS). With staleOnly, a pair that recovers is still sent once.',
    resolve: (payload: SyncHealthModel) => payload,
  })
  syncHealthChanged(@Args() args: SyncHealthArgs): Promise<AsyncIterableIterator<SyncHealthModel>> {
    return this.watcher.follow(args);
  }
}
