import type { CallContext } from '@plantsync/connectors';
import { SystemApiHttp, type SystemApiClientOptions } from '../http/system-api.http';
import type { SyncExceptionView } from './process-api.views';

/** production-sync process API (docs/openapi/production-sync.json, port 3103). Read-only here. */
export class ProductionSyncApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('production-sync', options);
  }

  /** Sequence gaps that stayed open too long (open and closed), newest first, at most 500. */
  async listSyncExceptions(ctx: CallContext, query: { plant?: string; productionOrder?: string } = {}): Promise<SyncExceptionView[]> {
    const list = await this.http.call<{ items: SyncExceptionView[] }>(ctx, {
      method: 'GET',
      path: '/v1/production-sync/exceptions',
      query: { ...query },
      operation: 'listSyncExceptions',
      plant: query.plant,
    });
    return list.items;
  }
}
