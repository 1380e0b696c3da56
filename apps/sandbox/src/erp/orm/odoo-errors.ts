/**
 * Errors the simulated Odoo raises, with the HTTP status and exception name the real JSON-2
 * endpoint answers with (odoo/http.py Json2Dispatcher: UserError and subclasses carry their own
 * `http_status`; werkzeug exceptions carry theirs). Rendered as `{ name, message, arguments,
 * context, debug }` by OdooErrorFilter.
 */
export class OdooError extends Error {
  constructor(
    readonly status: number,
    readonly odooName: string,
    message: string,
  ) {
    super(message);
  }
}

/** Business rule refused the call (wrong state, not enough stock): 422 like odoo.exceptions.UserError. */
export const userError = (message: string) => new OdooError(422, 'odoo.exceptions.UserError', message);

/** Field values that break a constraint: 422 like odoo.exceptions.ValidationError. */
export const validationError = (message: string) => new OdooError(422, 'odoo.exceptions.ValidationError', message);

/** Records that do not exist: 404 like odoo.exceptions.MissingError. */
export const missingError = (model: string, ids: number[]) =>
  new OdooError(
    404,
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')}), User: 2)`,
  );

/** Private methods are never callable over RPC: 403 like odoo.exceptions.AccessError. */
export const accessError = (message: string) => new OdooError(403, 'odoo.exceptions.AccessError', message);

export const notFound = (message: string) => new OdooError(404, 'werkzeug.exceptions.NotFound', message);

export const badRequest = (message: string) => new OdooError(400, 'werkzeug.exceptions.BadRequest', message);

export const unauthorized = () => new OdooError(401, 'werkzeug.exceptions.Unauthorized', 'Invalid apikey');
