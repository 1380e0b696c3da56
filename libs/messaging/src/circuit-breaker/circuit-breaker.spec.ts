import { BackendRejectedError, BackendUnavailableError } from '@plantsync/connectors';
import { CircuitBreaker } from './circuit-breaker';
import { CircuitBreakerRegistry, DEFAULT_CIRCUIT_OPTIONS } from './circuit-breaker.registry';

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
