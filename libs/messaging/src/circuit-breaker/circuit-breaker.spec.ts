import { BackendRejectedError, BackendUnavailableError, ConnectorError } from '@plantsync/connectors';
import { IdempotencyProblemCode } from '@plantsync/platform';
import { CircuitBreaker } from './circuit-breaker';
import { CircuitBreakerRegistry, DEFAULT_CIRCUIT_OPTIONS } from './circuit-breaker.registry';
import { CircuitOpenError } from './circuit-open.error';

/** A system API's answer as libs/clients types it: a transient ConnectorError with the problem's code. */
class SystemApiAnswer extends ConnectorError {
  readonly classification = 'unavailable' as const;
  constructor(readonly code: string) {
    super(`wms-api createReservation: ${code}`, { plant: 'P200', system: 'wms' });
  }
}

let now = 0;
const clock = () => now;
const down = () => Promise.reject(new BackendUnavailableError('Odoo at P200 refused the connection'));
const ok = () => Promise.resolve('PO-5000 released');

beforeEach(() => (now = 1_000_000));

function breaker() {
  return new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000 }, { plant: 'P200', system: 'erp' }, clock);
}

it('opens after the failure threshold and then fails fast with the remaining cool-down', async () => {
  const b = breaker();
  for (let i = 0; i < 3; i++) await expect(b.run(down)).rejects.toThrow('refused');
  expect(b.currentState).toBe('open');
  now += 4_000;
  let calls = 0;
  const err = await b.run(() => (calls++, ok())).catch((e: unknown) => e);
  expect(calls).toBe(0);
  expect(err).toBeInstanceOf(BackendUnavailableError);
  expect((err as BackendUnavailableError).retryAfterSeconds).toBe(6);
  expect((err as BackendUnavailableError).context).toEqual({ plant: 'P200', system: 'erp' });
});

it('resets the count on success while closed', async () => {
  const b = breaker();
  await expect(b.run(down)).rejects.toThrow();
  await expect(b.run(down)).rejects.toThrow();
  await b.run(ok);
  await expect(b.run(down)).rejects.toThrow();
  expect(b.currentState).toBe('closed');
});

it('half-opens after the cool-down; a successful trial closes it', async () => {
  const b = breaker();
  for (let i = 0; i < 3; i++) await expect(b.run(down)).rejects.toThrow();
  now += 10_000;
  expect(b.currentState).toBe('half-open');
  await expect(b.run(ok)).resolves.toBe('PO-5000 released');
  expect(b.currentState).toBe('closed');
});

it('lets only one trial through while half-open; a failed trial opens it again', async () => {
  const b = breaker();
  for (let i = 0; i < 3; i++) await expect(b.run(down)).rejects.toThrow();
  now += 10_000;
  let release!: (v: string) => void;
  const trial = b.run(() => new Promise<string>((r) => (release = r)));
  await expect(b.run(ok)).rejects.toThrow(/circuit open/);
  release('ok');
  await trial;
  expect(b.currentState).toBe('closed');

  for (let i = 0; i < 3; i++) await expect(b.run(down)).rejects.toThrow();
  now += 10_000;
  await expect(b.run(down)).rejects.toThrow('refused');
  expect(b.currentState).toBe('open');
  now += 9_999;
  expect(b.currentState).toBe('open');
});

it('keys circuits by plant × system and ignores refusals', async () => {
  const registry = new CircuitBreakerRegistry({ ...DEFAULT_CIRCUIT_OPTIONS, failureThreshold: 2 }, clock);
  for (let i = 0; i < 2; i++) await expect(registry.run('P200', 'erp', down)).rejects.toThrow();
  expect(registry.state('P200', 'erp')).toBe('open');
  await expect(registry.run('P100', 'erp', ok)).resolves.toBe('PO-5000 released');
  await expect(registry.run('P200', 'wms', ok)).resolves.toBe('PO-5000 released');
  await expect(registry.run('P200', 'erp', ok)).rejects.toThrow(BackendUnavailableError);

  const rejected = () => Promise.reject(new BackendRejectedError('PO-5001 is closed'));
  for (let i = 0; i < 5; i++) await expect(registry.run('P100', 'erp', rejected)).rejects.toThrow('closed');
  expect(registry.state('P100', 'erp')).toBe('closed');
});

describe('refusals of a Plantsync API itself (not the plant backend)', () => {
  const inFlight = () => Promise.reject(new SystemApiAnswer(IdempotencyProblemCode.InFlight));
  const storeDown = () => Promise.reject(new SystemApiAnswer(IdempotencyProblemCode.StoreUnavailable));

  it('never open a circuit, however many come in a row (a Redis restart behind the system API)', async () => {
    const registry = new CircuitBreakerRegistry({ ...DEFAULT_CIRCUIT_OPTIONS, failureThreshold: 2 }, clock);
    for (let i = 0; i < 6; i++) await expect(registry.run('P200', 'wms', i % 2 ? inFlight : storeDown)).rejects.toThrow('idempotency');
    expect(registry.state('P200', 'wms')).toBe('closed');
  });

  it('neither count nor reset real outages', async () => {
    const registry = new CircuitBreakerRegistry({ ...DEFAULT_CIRCUIT_OPTIONS, failureThreshold: 2 }, clock);
    await expect(registry.run('P200', 'wms', down)).rejects.toThrow('refused');
    await expect(registry.run('P200', 'wms', inFlight)).rejects.toThrow();
    await expect(registry.run('P200', 'wms', down)).rejects.toThrow('refused');
    expect(registry.state('P200', 'wms')).toBe('open');
  });

  it('end a half-open trial without a verdict: the next call is the trial', async () => {
    const registry = new CircuitBreakerRegistry({ ...DEFAULT_CIRCUIT_OPTIONS, failureThreshold: 1, coolDownMs: 10_000 }, clock);
    await expect(registry.run('P200', 'wms', down)).rejects.toThrow('refused');
    now += 10_000;
    await expect(registry.run('P200', 'wms', inFlight)).rejects.toThrow('idempotency');
    expect(registry.state('P200', 'wms')).toBe('half-open');
    await expect(registry.run('P200', 'wms', ok)).resolves.toBe('PO-5000 released');
    expect(registry.state('P200', 'wms')).toBe('closed');
  });
});

it('refuses with CircuitOpenError while open: nothing was attempted, retry after the remaining cool-down', async () => {
  const b = breaker();
  for (let i = 0; i < 3; i++) await expect(b.run(down)).rejects.toThrow();
  now += 2_500;
  const refusal = await b.run(ok).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(CircuitOpenError);
  expect(refusal).toMatchObject({ notAttempted: true, retryAfterSeconds: 8, code: 'backend-unavailable' });
});
