/** Fault settings of one plant × system, as stored and as returned by GET /admin/faults. */
export interface FaultSettings {
  /** Added before the request is handled. */
  latencyMs?: number;
  /** Fraction of requests (0..1) answered 500 instead of being handled. */
  errorRate?: number;
  /** ISO timestamp: until then every request is answered 503. */
  downUntil?: string;
}

/** Body of PUT /admin/faults/:plant/:system: the settings, or `downForSeconds` instead of `downUntil`. */
export interface FaultSettingsInput extends FaultSettings {
  downForSeconds?: number;
}

export const MAX_LATENCY_MS = 120_000;

export class InvalidFaultSettings extends Error {}

/**
 * Validates a PUT body and turns `downForSeconds` into `downUntil` (relative to `now`).
 * Unknown keys are refused so a typo (`latency`) cannot silently inject nothing.
 */
export function parseFaultSettings(body: unknown, now: Date = new Date()): FaultSettings {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new InvalidFaultSettings('body must be a JSON object');
  const input = body as Record<string, unknown>;
  const known = ['latencyMs', 'errorRate', 'downUntil', 'downForSeconds'];
  const unknown = Object.keys(input).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new InvalidFaultSettings(
      `unknown field(s): ${unknown.join(', ')}; allowed: ${known.join(', ')}`,
    );

  const settings: FaultSettings = {};
  if (input.latencyMs !== undefined) {
    const v = input.latencyMs;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_LATENCY_MS)
      throw new InvalidFaultSettings(
        `latencyMs must be an integer between 0 and ${MAX_LATENCY_MS}`,
      );
    settings.latencyMs = v;
  }
  if (input.errorRate !== undefined) {
    const v = input.errorRate;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
      throw new InvalidFaultSettings('errorRate must be a number between 0 and 1');
    settings.errorRate = v;
  }
  if (input.downUntil !== undefined && input.downForSeconds !== undefined)
    throw new InvalidFaultSettings('give either downUntil or downForSeconds, not both');
  if (input.downUntil !== undefined) {
    const v = input.downUntil;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v)))
      throw new InvalidFaultSettings('downUntil must be an ISO 8601 date-time');
    settings.downUntil = new Date(v).toISOString();
  }
  if (input.downForSeconds !== undefined) {
    const v = input.downForSeconds;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 86_400)
      throw new InvalidFaultSettings(
        'downForSeconds must be a number greater than 0 and at most 86400',
      );
    settings.downUntil = new Date(now.getTime() + v * 1000).toISOString();
  }
  return settings;
}
