import { isPermanentError } from '@plantsync/messaging';
import { renderProblem } from '@plantsync/platform';
import { errorFromAnswer, parseRetryAfter } from './problem-to-error';
import {
  IllegalStatusTransitionError,
  InsufficientStockError,
  SystemApiConflictError,
  SystemApiInvalidRequestError,
  SystemApiNotFoundError,
  SystemApiRejectedError,
  SystemApiTimeoutError,
  SystemApiUnavailableError,
} from './system-api.errors';

const PROBLEMS = 'https://plantsync.dev/problems/';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, text, headers: new Headers({ 'content-type': 'application/problem+json', ...headers }) };
}

const reserve = { api: 'wms-api' as const, operation: 'createReservation', plant: 'P300' };
const release = { api: 'erp-api' as const, operation: 'releaseProductionOrder', plant: 'P100' };

describe('a system API problem becomes a typed, classified error', () => {
  it('409 insufficient-stock keeps item, requested and available, and is permanent for a job', () => {
    const e = errorFromAnswer(
      answer(409, {
        type: `${PROBLEMS}insufficient-stock`,
        title: 'Conflict',
        status: 409,
        detail: 'only 25 EA of SEAL-2535 available to promise at plant P300; 60 EA requested',
        instance: '/v1/plants/P300/reservations',
        correlationId: 'rel-7f3a',
        item: 'SEAL-2535',
        requested: { value: '60', unit: 'EA' },
        available: { value: '25', unit: 'EA' },
      }),
      reserve,
    );
    expect(e).toBeInstanceOf(InsufficientStockError);
    expect(e).toBeInstanceOf(SystemApiConflictError);
    expect(e).toMatchObject({ classification: 'conflict', code: 'insufficient-stock', status: 409, correlationId: 'rel-7f3a', transient: false });
    const shortage = e as InsufficientStockError;
    expect([shortage.item, shortage.requested, shortage.available]).toEqual(['SEAL-2535', { value: '60', unit: 'EA' }, { value: '25', unit: 'EA' }]);
    expect(e.detail).toBe('only 25 EA of SEAL-2535 available to promise at plant P300; 60 EA requested');
    expect(e.extensions).toEqual({ item: 'SEAL-2535', requested: { value: '60', unit: 'EA' }, available: { value: '25', unit: 'EA' } });
    expect(e.context).toEqual({ plant: 'P300', system: 'wms', connector: 'wms-api', operation: 'createReservation' });
    expect(isPermanentError(e)).toBe(true);
  });

  it('passed on by a process API, the shortage is rendered as the same problem with the same members', () => {
    const e = errorFromAnswer(
      answer(409, { type: `${PROBLEMS}insufficient-stock`, title: 'Conflict', status: 409, detail: 'short', item: 'SEAL-2535', requested: { value: '60', unit: 'EA' }, available: { value: '25', unit: 'EA' } }),
      reserve,
    );
    const rendered = renderProblem(e, '/v1/order-releases', 'rel-7f3a');
    expect(rendered.status).toBe(409);
    expect(rendered.body).toMatchObject({ type: `${PROBLEMS}insufficient-stock`, item: 'SEAL-2535', available: { value: '25', unit: 'EA' } });
  });

  it('409 illegal-status-transition names the current and the requested status', () => {
    const e = errorFromAnswer(
      answer(409, { type: `${PROBLEMS}illegal-status-transition`, title: 'Conflict', status: 409, detail: 'production order MO-P200-0001 is released; it cannot be closed', currentStatus: 'released', requestedStatus: 'closed', productionOrder: 'MO-P200-0001' }),
      release,
    );
    expect(e).toBeInstanceOf(IllegalStatusTransitionError);
    expect((e as IllegalStatusTransitionError).currentStatus).toBe('released');
    expect((e as IllegalStatusTransitionError).requestedStatus).toBe('closed');
  });

  it('any other 409 is a conflict that still exposes currentStatus when the API sent one', () => {
    const e = errorFromAnswer(answer(409, { type: `${PROBLEMS}purchase-order-not-open`, title: 'Conflict', status: 409, currentStatus: 'cancelled' }), release);
    expect(e.constructor).toBe(SystemApiConflictError);
    expect((e as SystemApiConflictError).currentStatus).toBe('cancelled');
  });

  it('404 is not_found with the problem code', () => {
    const e = errorFromAnswer(answer(404, { type: `${PROBLEMS}no-released-bom-revision`, title: 'Not found', status: 404, detail: 'item ACT-2300 has no released BOM revision', item: 'ACT-2300', at: '2026-11-02' }), release);
    expect(e).toBeInstanceOf(SystemApiNotFoundError);
    expect(e).toMatchObject({ classification: 'not_found', code: 'no-released-bom-revision', extensions: { item: 'ACT-2300', at: '2026-11-02' } });
    expect(isPermanentError(e)).toBe(true);
  });

  it('400 validation-failed and 422 idempotency-key-reused are invalid; the field errors are kept', () => {
    const bad = errorFromAnswer(
      answer(400, { type: `${PROBLEMS}validation-failed`, title: 'Request validation failed', status: 400, errors: [{ field: 'quantity', message: 'quantity must be greater than zero' }] }),
      reserve,
    );
    expect(bad).toBeInstanceOf(SystemApiInvalidRequestError);
    expect((bad as SystemApiInvalidRequestError).fieldErrors).toEqual([{ field: 'quantity', message: 'quantity must be greater than zero' }]);
    const reused = errorFromAnswer(answer(422, { type: `${PROBLEMS}idempotency-key-reused`, title: 'Idempotency-Key reused', status: 422 }), reserve);
    expect(reused).toMatchObject({ classification: 'invalid', code: 'idempotency-key-reused' });
  });

  it.each([401, 403])('%i (a wrong or unauthorised service key) is permanent: retrying cannot fix configuration', (status) => {
    const e = errorFromAnswer(answer(status, { type: `${PROBLEMS}unauthenticated`, title: 'Unauthorized', status }), reserve);
    expect(e).toBeInstanceOf(SystemApiRejectedError);
    expect(e.classification).toBe('permanent');
    expect(isPermanentError(e)).toBe(true);
  });

  it('503 with Retry-After is transient unavailable and keeps the delay', () => {
    const e = errorFromAnswer(answer(503, { type: `${PROBLEMS}backend-unavailable`, title: 'Backend unavailable', status: 503 }, { 'retry-after': '30' }), reserve);
    expect(e).toBeInstanceOf(SystemApiUnavailableError);
    expect(e).toMatchObject({ classification: 'unavailable', code: 'backend-unavailable', retryAfterSeconds: 30, transient: true });
    expect(isPermanentError(e)).toBe(false);
  });

  it('429 and 500 are transient; without Retry-After they wait 5 s', () => {
    expect(errorFromAnswer(answer(429, { type: `${PROBLEMS}too-many-requests`, title: 'Too many requests', status: 429 }, { 'retry-after': '2' }), reserve)).toMatchObject({ classification: 'unavailable', retryAfterSeconds: 2 });
    expect(errorFromAnswer(answer(500, { type: `${PROBLEMS}internal-error`, title: 'Internal server error', status: 500 }), reserve)).toMatchObject({ classification: 'unavailable', retryAfterSeconds: 5 });
  });

  it('504 (the backend behind the system API timed out) is a transient timeout', () => {
    const e = errorFromAnswer(answer(504, { type: `${PROBLEMS}backend-timeout`, title: 'Backend timed out', status: 504 }), reserve);
    expect(e).toBeInstanceOf(SystemApiTimeoutError);
    expect(e.transient).toBe(true);
  });

  it('a 502 problem (the backend refused) is permanent; a bare 502 from a proxy is transient', () => {
    const refused = errorFromAnswer(answer(502, { type: `${PROBLEMS}backend-rejected`, title: 'Backend refused the request', status: 502 }), reserve);
    expect(refused).toMatchObject({ classification: 'permanent', code: 'backend-rejected' });
    const proxy = errorFromAnswer({ status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: new Headers({ 'content-type': 'text/html' }) }, reserve);
    expect(proxy).toMatchObject({ classification: 'unavailable', code: 'http-502', detail: 'answered 502: 502 Bad Gateway' });
  });

  it('409 idempotency-key-in-flight means the first attempt still runs: retry, do not give up', () => {
    const e = errorFromAnswer(answer(409, { type: `${PROBLEMS}idempotency-key-in-flight`, title: 'Request in progress', status: 409 }), reserve);
    expect(e).toMatchObject({ classification: 'unavailable', transient: true });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-11-02T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Mon, 02 Nov 2026 10:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
