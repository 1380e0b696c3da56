import { InvalidFaultSettings, parseFaultSettings } from './fault-settings';
import { FaultService } from './fault.service';

describe('FaultService', () => {
  const now = new Date('2026-11-02T08:00:00Z');

  it('passes requests through when nothing is set', () => {
    expect(new FaultService({ faultSeed: 1 }).decide('P100', 'erp', now)).toEqual({
      kind: 'pass',
      latencyMs: 0,
    });
  });

  it('is down until downUntil, then recovers', () => {
    const faults = new FaultService({ faultSeed: 1 });
    faults.set('P200', 'wms', { downUntil: '2026-11-02T08:00:30.000Z' });
    expect(faults.decide('P200', 'wms', now).kind).toBe('down');
    expect(faults.decide('P200', 'mes', now).kind).toBe('pass');
    expect(faults.decide('P200', 'wms', new Date('2026-11-02T08:00:31Z')).kind).toBe('pass');
    expect(faults.list(now)).toEqual([
      { plant: 'P200', system: 'wms', downUntil: '2026-11-02T08:00:30.000Z', down: true },
    ]);
  });

  it('fails errorRate of the requests, the same ones for the same seed', () => {
    const verdicts = (seed: number) => {
      const faults = new FaultService({ faultSeed: seed });
      faults.set('P300', 'mes', { errorRate: 0.3, latencyMs: 5 });
      return Array.from({ length: 200 }, () => faults.decide('P300', 'mes', now).kind);
    };
    const run = verdicts(42);
    expect(verdicts(42)).toEqual(run);
    const errors = run.filter((k) => k === 'error').length;
    expect(errors).toBeGreaterThan(40);
    expect(errors).toBeLessThan(80);
  });

  it('errorRate 1 always fails, 0 never', () => {
    const faults = new FaultService({ faultSeed: 7 });
    faults.set('P100', 'erp', { errorRate: 1 });
    faults.set('P100', 'wms', { errorRate: 0, latencyMs: 250 });
    expect(faults.decide('P100', 'erp', now)).toEqual({ kind: 'error', latencyMs: 0 });
    expect(faults.decide('P100', 'wms', now)).toEqual({ kind: 'pass', latencyMs: 250 });
  });

  it('clears one or all settings', () => {
    const faults = new FaultService({ faultSeed: 1 });
    faults.set('P100', 'erp', { latencyMs: 10 });
    faults.set('P200', 'erp', { latencyMs: 10 });
    expect(faults.clear('P100', 'erp')).toBe(true);
    expect(faults.list(now).map((f) => f.plant)).toEqual(['P200']);
    faults.clearAll();
    expect(faults.list(now)).toEqual([]);
  });
});

describe('parseFaultSettings', () => {
  const now = new Date('2026-11-02T08:00:00Z');

  it('accepts valid settings and turns downForSeconds into downUntil', () => {
    expect(
      parseFaultSettings({ latencyMs: 200, errorRate: 0.25, downForSeconds: 1.5 }, now),
    ).toEqual({
      latencyMs: 200,
      errorRate: 0.25,
      downUntil: '2026-11-02T08:00:01.500Z',
    });
    expect(parseFaultSettings({}, now)).toEqual({});
  });

  it.each([
    [null, /object/],
    [[], /object/],
    [{ latency: 5 }, /unknown field/],
    [{ latencyMs: -1 }, /latencyMs/],
    [{ latencyMs: 1.5 }, /latencyMs/],
    [{ latencyMs: '100' }, /latencyMs/],
    [{ errorRate: 1.2 }, /errorRate/],
    [{ errorRate: '0.5' }, /errorRate/],
    [{ downUntil: 'tomorrow' }, /downUntil/],
    [{ downForSeconds: 0 }, /downForSeconds/],
    [{ downUntil: '2026-11-02T09:00:00Z', downForSeconds: 5 }, /either/],
  ])('refuses %j', (body, message) => {
    expect(() => parseFaultSettings(body, now)).toThrow(InvalidFaultSettings);
    expect(() => parseFaultSettings(body, now)).toThrow(message);
  });
});
