/**
 * An error that knows what kind of failure it is. libs/connectors errors implement this so the
 * platform can map them to HTTP without importing connectors (libs stay one-way).
 */
export interface ClassifiedError {
  readonly classification:
    'not_found' | 'conflict' | 'unavailable' | 'timeout' | 'invalid' | 'permanent';
  readonly code: string;
  readonly message: string;
  readonly retryAfterSeconds?: number;
  readonly details?: Record<string, unknown>;
}

export type ErrorClassification = ClassifiedError['classification'];

const CLASSIFICATIONS: ReadonlySet<string> = new Set<ErrorClassification>([
  'not_found',
  'conflict',
  'unavailable',
  'timeout',
  'invalid',
  'permanent',
]);

export function isClassifiedError(e: unknown): e is ClassifiedError {
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as Partial<Record<keyof ClassifiedError, unknown>>;
  return (
    typeof candidate.classification === 'string' &&
    CLASSIFICATIONS.has(candidate.classification) &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string'
  );
}
