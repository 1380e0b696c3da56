import { ProductionConfirmation } from '@plantsync/canonical';
import { flattenValidationErrors, ProblemException, type FieldError } from '@plantsync/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/** Most confirmations one request may carry (bounded work per request; MES batches bigger backlogs). */
export const MAX_CONFIRMATIONS_PER_REQUEST = 1000;

/** A confirmation as received, before validation, with where it came from in the request. */
export interface ReceivedConfirmation {
  /** Field prefix for errors: '' (single JSON), or `confirmations[3]`. */
  field: string;
  /** Where in a B2MML document, for error messages. */
  source?: string;
  raw: unknown;
}

/** Splits a JSON body into confirmations: one object, or `{ confirmations: [...] }` (1..1000). */
export function confirmationsFromJson(body: unknown): ReceivedConfirmation[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest([
      {
        field: '',
        message: 'body must be a ProductionConfirmation object or { "confirmations": [...] }',
      },
    ]);
  }
  if (!('confirmations' in body)) return [{ field: '', raw: body }];
  const { confirmations, ...rest } = body as { confirmations: unknown };
  const errors: FieldError[] = Object.keys(rest).map((k) => ({
    field: k,
    message: `property ${k} should not exist`,
  }));
  if (!Array.isArray(confirmations) || confirmations.length === 0) {
    errors.push({ field: 'confirmations', message: 'confirmations must be a non-empty array' });
  } else if (confirmations.length > MAX_CONFIRMATIONS_PER_REQUEST) {
    errors.push({
      field: 'confirmations',
      message: `at most ${MAX_CONFIRMATIONS_PER_REQUEST} confirmations per request (got ${confirmations.length})`,
    });
  }
  if (errors.length > 0) throw badRequest(errors);
  return (confirmations as unknown[]).map((raw, i) => ({ field: `confirmations[${i}]`, raw }));
}

/**
 * Validates every confirmation like the global ValidationPipe would (whitelist, no unknown
 * properties) and checks it belongs to the path plant; throws ONE 400 listing every bad field
 * of every confirmation, each prefixed with its index.
 */
export async function validateConfirmations(
  items: ReceivedConfirmation[],
  plant: string,
): Promise<ProductionConfirmation[]> {
  const errors: FieldError[] = [];
  const valid: ProductionConfirmation[] = [];
  for (const item of items) {
    const prefix = (f: string) => (item.field ? (f ? `${item.field}.${f}` : item.field) : f);
    const where = item.source ? ` (at ${item.source})` : '';
    if (item.raw === null || typeof item.raw !== 'object' || Array.isArray(item.raw)) {
      errors.push({ field: prefix(''), message: `each confirmation must be an object${where}` });
      continue;
    }
    const instance = plainToInstance(ProductionConfirmation, item.raw);
    const found = flattenValidationErrors(
      await validate(instance, { whitelist: true, forbidNonWhitelisted: true }),
    );
    errors.push(...found.map((e) => ({ field: prefix(e.field), message: e.message + where })));
    if (found.length === 0 && instance.plant !== plant) {
      errors.push({
        field: prefix('plant'),
        message: `plant ${instance.plant} does not match the plant in the path (${plant})${where}`,
      });
    }
    if (found.length === 0) valid.push(instance);
  }
  if (errors.length > 0) throw badRequest(errors);
  return valid;
}

function badRequest(errors: FieldError[]): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'validation-failed',
    title: 'Request validation failed',
    detail: `${errors.length} field(s) are invalid; nothing was stored.`,
    extensions: { errors },
  });
}
