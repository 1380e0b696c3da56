import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** One body for every request, or a factory (unique message ids). */
  body?: string | (() => string);
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/**
 * Runs autocannon against one target. Without `rate` it saturates (max throughput); with `rate`
 * it holds that many requests per second so latency is measured below saturation.
 */
export async function runLoad(
  target: LoadTarget,
  opts: { durationSeconds: number; connections: number; rate?: number },
): Promise<LoadResult> {
  const factory = typeof target.body === 'function' ? target.body : undefined;
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: typeof target.body === 'string' ? target.body : undefined,
    requests: factory ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: factory() }) }] : undefined,
    connections: opts.connections,
    duration: opts.durationSeconds,
    overallRate: opts.rate,
  } as autocannon.Options);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
