import type { CallContext } from '@plantsync/connectors';
import { actingForHeaders, seg, SystemApiHttp, type SystemApiClientOptions } from '../http/system-api.http';
import type { ListOrderReleasesQuery, OrderReleasePage, OrderReleaseView, StartOrderReleaseInput } from './process-api.views';

/**
 * order-release process API (docs/openapi/order-release.json, port 3101). `startOrderRelease`
 * requires an idempotency key (the API refuses a POST without one); approve, reject and cancel are
 * state transitions the API guards itself (409 order-release-state-conflict).
 */
export class OrderReleaseApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('order-release', options);
  }

  /** 202 with the release just started; 409 order-release-active names the release already running. */
  startOrderRelease(ctx: CallContext, input: StartOrderReleaseInput, actingFor?: string): Promise<OrderReleaseView> {
    return this.http.call(ctx, { method: 'POST', path: '/v1/order-releases', body: input, operation: 'startOrderRelease', plant: input.plant, headers: actingForHeaders(actingFor) });
  }

  getOrderRelease(ctx: CallContext, id: string): Promise<OrderReleaseView> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/order-releases/${seg(id)}`, operation: 'getOrderRelease' });
  }

  listOrderReleases(ctx: CallContext, query: ListOrderReleasesQuery = {}): Promise<OrderReleasePage> {
    return this.http.call(ctx, { method: 'GET', path: '/v1/order-releases', query: { ...query }, operation: 'listOrderReleases', plant: query.plant });
  }

  /**
   * Release despite the shortage (only while awaiting_approval). `actingFor` names the person a
   * service key decides for (X-Acting-For); the release records it as `decidedBy`.
   */
  approveOrderRelease(ctx: CallContext, id: string, actingFor?: string): Promise<OrderReleaseView> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/order-releases/${seg(id)}/approve`, operation: 'approveOrderRelease', headers: actingForHeaders(actingFor) });
  }

  /** Do not release: compensates and ends failed (only while awaiting_approval). */
  rejectOrderRelease(ctx: CallContext, id: string, reason: string, actingFor?: string): Promise<OrderReleaseView> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/order-releases/${seg(id)}/reject`, body: { reason }, operation: 'rejectOrderRelease', headers: actingForHeaders(actingFor) });
  }

  /** Waiting: compensates at once; running: honoured before the next step. 409 once finished. */
  cancelOrderRelease(ctx: CallContext, id: string, reason?: string, actingFor?: string): Promise<OrderReleaseView> {
    return this.http.call(ctx, { method: 'DELETE', path: `/v1/order-releases/${seg(id)}`, query: { reason }, operation: 'cancelOrderRelease', headers: actingForHeaders(actingFor) });
  }
}
