import type { SystemBinding } from '@plantsync/landscape';
import { BackendRejectedError } from '../../errors/connector.errors';
import { ConnectorHttpClient, credentialFrom } from '../../http/connector-http.client';
import type { CallContext } from '../../ports/call-context';
import type { OdooErpOptions } from './odoo-erp.options';

export interface OdooCallOptions {
  /** What a 404 (MissingError) means, e.g. { recordType: 'ProductionOrder', recordId: '118' }. */
  notFound?: { recordType: string; recordId: string };
  /** Extra context keys, e.g. { active_test: false } to see archived records. */
  context?: Record<string, unknown>;
  /**
   * For state-changing calls: the Idempotency-Key to send. The sandbox honours it; real Odoo
   * ignores it, which is why the connector also reads before it writes (docs/connectors.md).
   */
  idempotencyKey?: string;
}

/**
 * Odoo 19 External JSON-2: `POST /json/2/<model>/<method>` with the named arguments as the body,
 * `Authorization: bearer <api key>` and `X-Odoo-Database`. One call is one Odoo transaction.
 */
export class OdooJson2Client {
  private readonly http: ConnectorHttpClient;

  constructor(
    plant: string,
    binding: SystemBinding,
    private readonly options: OdooErpOptions,
  ) {
    this.http = new ConnectorHttpClient(binding, { plant, system: 'erp', connector: 'odoo-json2' }, (headers) => {
      // Read at call time so a rotated key is picked up without a restart.
      const key = credentialFrom(binding);
      if (key) headers.authorization = `bearer ${key}`;
    });
  }

  call<T>(ctx: CallContext, model: string, method: string, params: Record<string, unknown> = {}, opts: OdooCallOptions = {}): Promise<T> {
    const context: Record<string, unknown> = { ...opts.context };
    if (this.options.lang) context.lang = this.options.lang;
    if (this.options.companyId !== undefined) context.allowed_company_ids = [this.options.companyId];
    return this.http.json<T>(
      { correlationId: ctx.correlationId, idempotencyKey: opts.idempotencyKey },
      {
        method: 'POST',
        path: `/json/2/${model}/${method}`,
        headers: { 'x-odoo-database': this.options.database, 'user-agent': 'plantsync-odoo-json2' },
        body: Object.keys(context).length > 0 ? { ...params, context } : params,
        operation: `${model}.${method}`,
        notFound: opts.notFound,
      },
    );
  }
}

/** Odoo refused the call for a business reason (odoo.exceptions.UserError → HTTP 422). */
export function isOdooUserError(e: unknown): e is BackendRejectedError {
  return e instanceof BackendRejectedError && e.details?.backendStatus === 422;
}
