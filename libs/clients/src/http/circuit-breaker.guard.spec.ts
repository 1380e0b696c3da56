import { CircuitBreakerRegistry } from '@plantsync/messaging';
import { SystemApiUnavailableError } from '../errors/system-api.errors';
import { circuitBreakerGuard } from './circuit-breaker.guard';

const outage = () =>
  new SystemApiUnavailableError({ api: 'erp-api', operation: 'getProductionOrder', plant: 'P200', classification: 'unavailable', code: 'backend-unavailable', detail: 'ERP down' });

describe('circuitBreakerGuard', () => {
  it('opens the circuit of one plant × system after repeated outages and leaves the others alone', async () => {
    let now = 0;
    const registry = new CircuitBreakerRegistry({ failureThreshold: 2, coolDownMs: 30_000, countsAsFailure: (e) => (e as SystemApiUnavailableError).transient }, () => now);
    const guard = circuitBreakerGuard(registry);
    let p200Calls = 0;
    const failingP200 = () => {
      p200Calls++;
      return Promise.reject(outage());
    };
    for (let i = 0; i < 2; i++) await expect(guard({ api: 'erp-api', plant: 'P200' }, failingP200)).rejects.toBeInstanceOf(SystemApiUnavailableError);

    // Open: P200's ERP is not called at all, the caller gets a transient error to back off on.
    const refused = await guard({ api: 'erp-api', plant: 'P200' }, failingP200).catch((e: unknown) => e);
    expect(p200Calls).toBe(2);
    expect((refused as { transient: boolean }).transient).toBe(true);
    expect(registry.state('P200', 'erp')).toBe('open');

    // P100's ERP and P200's WMS still flow.
    await expect(guard({ api: 'erp-api', plant: 'P100' }, () => Promise.resolve('MO-P100-0001'))).resolves.toBe('MO-P100-0001');
    await expect(guard({ api: 'wms-api', plant: 'P200' }, () => Promise.resolve('ok'))).resolves.toBe('ok');

    // After the cool-down one trial call goes through and closes it again.
    now += 30_001;
    await expect(guard({ api: 'erp-api', plant: 'P200' }, () => Promise.resolve('back'))).resolves.toBe('back');
    expect(registry.state('P200', 'erp')).toBe('closed');
  });

  it('never guards process APIs, which span plants', async () => {
    const registry = new CircuitBreakerRegistry();
    let called = 0;
    await circuitBreakerGuard(registry)({ api: 'order-release', plant: 'P200' }, async () => called++);
    expect(called).toBe(1);
  });
});
