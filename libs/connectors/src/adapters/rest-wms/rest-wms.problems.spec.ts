import { BackendRejectedError, InvalidForBackendError, RecordConflictError } from '../../errors/connector.errors';
import { mapWmsProblem } from './rest-wms.problems';

const ctx = { plant: 'P200', system: 'wms' as const, connector: 'rest-wms', operation: 'createReservation' };
const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) => ({
  status,
  text: JSON.stringify({ type: `https://plantsync.dev/wms/problems/${slug}`, title: slug, status, detail: `${slug} detail`, ...extra }),
});

describe('rest-wms problem mapping', () => {
  it('keeps item, requested and available of a shortage in canonical quantities', () => {
    const e = mapWmsProblem(
      problem(409, 'insufficient-stock', { itemNumber: 'BRKT-1042', requested: { amount: '500', unit: 'EA' }, available: { amount: '400', unit: 'EA' } }),
      ctx,
    );
    expect(e).toBeInstanceOf(RecordConflictError);
    expect(e).toMatchObject({
      code: 'insufficient-stock',
      details: { item: 'BRKT-1042', requested: { value: '500', unit: 'EA' }, available: { value: '400', unit: 'EA' } },
    });
  });

  it('classifies over-receipt as a conflict and unknown master data as invalid input', () => {
    expect(mapWmsProblem(problem(409, 'over-receipt'), ctx)).toMatchObject({ classification: 'conflict', code: 'over-receipt' });
    expect(mapWmsProblem(problem(422, 'unknown-location'), ctx)).toBeInstanceOf(InvalidForBackendError);
    expect(mapWmsProblem(problem(422, 'unit-mismatch'), ctx)).toMatchObject({ classification: 'invalid', code: 'unit-mismatch' });
  });

  it('treats refused credentials and an unknown warehouse as a misconfiguration (502), not the caller\'s fault', () => {
    expect(mapWmsProblem(problem(401, 'unauthorized'), ctx, 'P200_WMS_API_KEY')?.message).toContain('P200_WMS_API_KEY');
    expect(mapWmsProblem(problem(404, 'warehouse-not-found'), ctx)).toBeInstanceOf(BackendRejectedError);
  });

  it('leaves record 404s and non-problem bodies to the generic classification', () => {
    expect(mapWmsProblem(problem(404, 'reservation-not-found'), ctx)).toBeUndefined();
    expect(mapWmsProblem({ status: 503, text: '{"error":"backend down (fault injection)"}' }, ctx)).toBeUndefined();
    expect(mapWmsProblem({ status: 502, text: '<html>bad gateway</html>' }, ctx)).toBeUndefined();
  });
});
