import { decimal, type Quantity } from '@plantsync/canonical';
import { ProblemException } from '@plantsync/platform';

/**
 * Canonical quantities may be negative (corrections); postings to the WMS may not. Same 400
 * shape as the validation pipe's, so clients handle one format.
 */
export function assertPositiveQuantity(field: string, quantity: Quantity): void {
  if (decimal(quantity.value).greaterThan(0)) return;
  throw new ProblemException({
    status: 400,
    code: 'validation-failed',
    title: 'Request validation failed',
    detail: '1 field(s) are invalid.',
    extensions: {
      errors: [{ field: `${field}.value`, message: `${field}.value must be greater than zero` }],
    },
  });
}
