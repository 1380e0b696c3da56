/**
 * Every loop in the fault tests is bounded twice: by time and by number of tries, so a wedged
 * process turns into a failing assertion with a message, never a hung test run.
 */
export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
}

/** Thrown by a probe to stop waiting at once (e.g. the process it waits for has died). */
export class GiveUp extends Error {}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether `promise` settled within `ms`; the timer is cleared either way (no open handle left). */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `probe` until it returns something other than undefined/false, then returns that. Throws
 * after `timeoutMs` naming `what` and the last value or error seen.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs, intervalMs = 200 }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const maxTries = Math.ceil(timeoutMs / intervalMs) + 1;
  let last: unknown;
  for (let attempt = 0; attempt < maxTries; attempt++) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${describe(last)})`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 500);
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}
