import { Logger } from '@nestjs/common';
import { errorFromAnswer, SystemApiUnavailableError, type SystemApiError } from '@plantsync/clients';
import { GraphQLError } from 'graphql';
import { createFormatError, mapSystemApiError, scrub } from './format-error';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  errorFromAnswer({ status, text: JSON.stringify(body), headers: new Headers(headers) }, { api: 'erp-api', operation: 'getPurchaseOrder', plant: 'P200' });

describe('mapSystemApiError', () => {
  it.each([
    [404, { type: 'https://plantsync.dev/problems/purchase-order-not-found', title: 'Not found', detail: 'Purchase order PO-P200-9999 was not found' }, 'NOT_FOUND'],
    [409, { type: 'https://plantsync.dev/problems/illegal-status-transition', title: 'Conflict', detail: 'MO is closed' }, 'CONFLICT'],
    [400, { type: 'https://plantsync.dev/problems/validation-failed', title: 'Bad', errors: [{ field: 'lines[0].status', message: 'bad' }] }, 'BAD_USER_INPUT'],
    [422, { type: 'https://plantsync.dev/problems/idempotency-key-reused', title: 'Reused' }, 'CONFLICT'],
    [503, { type: 'https://plantsync.dev/problems/backend-unavailable', title: 'Down', detail: 'the Odoo at http://10.0.0.7:8069 answered 503' }, 'UPSTREAM_UNAVAILABLE'],
    [504, { type: 'https://plantsync.dev/problems/backend-timeout', title: 'Slow' }, 'UPSTREAM_UNAVAILABLE'],
    [502, { type: 'https://plantsync.dev/problems/backend-rejected', title: 'Refused' }, 'UPSTREAM_UNAVAILABLE'],
    [401, { type: 'https://plantsync.dev/problems/unauthenticated', title: 'No' }, 'UPSTREAM_UNAVAILABLE'],
  ])('maps %i to a stable code', (status, body, code) => {
    const mapped = mapSystemApiError(answer(status, body));
    expect(mapped.code).toBe(code);
    expect(mapped.message).not.toMatch(/http|10\.0\.0\.7/);
  });

  it('says whether an upstream failure is worth a retry, and where it happened', () => {
    expect(mapSystemApiError(answer(503, { title: 'Down' }, { 'retry-after': '7' })).extensions).toMatchObject({ plant: 'P200', system: 'erp', retryable: true, retryAfterSeconds: 7 });
    expect(mapSystemApiError(answer(502, { title: 'Refused' })).extensions).toMatchObject({ retryable: false });
  });
});

describe('scrub', () => {
  it('removes every address from a message', () => {
    expect(scrub('backend http://127.0.0.1:4010/plants/P100/erp and redis://cache:6379 failed')).toBe('backend [address] and [address] failed');
  });
});

describe('createFormatError', () => {
  const format = createFormatError({ error: jest.fn(), warn: jest.fn() } as unknown as Logger);

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR', () => {
    const out = format({ message: 'Cannot read properties of undefined (reading "x")', path: ['viewer'] }, new TypeError('Cannot read properties of undefined'));
    expect(out).toEqual({ message: expect.stringMatching(/^Internal error/), path: ['viewer'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps a limit rule’s tag and gives it its own code', () => {
    const out = format({ message: 'Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } }, new GraphQLError('x'));
    expect(out.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth' });
  });

  it('never lets a system API error through with its internals', () => {
    const e: SystemApiError = new SystemApiUnavailableError({ api: 'wms-api', operation: 'getAvailability', plant: 'P300', classification: 'unavailable', code: 'backend-unavailable', detail: 'http://wms.p300.internal refused' });
    const out = format({ message: e.message, path: ['inventoryPositions', 2] }, e);
    expect(out.message).toBe('The WMS of P300 is not answering right now. Try again shortly.');
    expect(JSON.stringify(out)).not.toMatch(/internal|http|getAvailability/);
  });
});
