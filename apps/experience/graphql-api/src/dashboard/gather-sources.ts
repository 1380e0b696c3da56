import { Logger } from '@nestjs/common';
import { SystemApiError } from '@plantsync/clients';
import { mapSystemApiError } from '../errors/format-error';
import { ErrorCode } from '../errors/error-codes';
import type { DashboardSource, UnavailableSourceModel } from './common';

const logger = new Logger('DashboardSources');

export interface Gathered<T> {
  values: T[];
  unavailable: UnavailableSourceModel[];
}

/**
 * Reads every source at once and keeps what answered. A source that fails for an upstream reason
 * becomes an UnavailableSource; when all fail (or any fails for a non-upstream reason: a bug) the
 * first error is thrown, so the field fails with its own coded error.
 */
export async function gatherSources<T>(reads: Array<{ source: DashboardSource; read: () => Promise<T> }>): Promise<Gathered<T>> {
  const settled = await Promise.allSettled(reads.map((r) => r.read()));
  const values: T[] = [];
  const unavailable: UnavailableSourceModel[] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') return void values.push(result.value);
    const e = result.reason as unknown;
    const mapped = e instanceof SystemApiError ? mapSystemApiError(e) : undefined;
    if (!mapped || mapped.code !== ErrorCode.UPSTREAM_UNAVAILABLE) throw e;
    logger.warn(`${reads[i].source}: ${(e as Error).message}`);
    unavailable.push({ source: reads[i].source, code: mapped.code, message: mapped.message, retryable: mapped.extensions?.retryable === true });
  });
  if (values.length === 0 && reads.length > 0) throw (settled.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
  return { values, unavailable };
}
