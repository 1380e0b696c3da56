import { circuitOptionsFromEnv } from './circuit-breaker.config';
import { DEFAULT_CIRCUIT_OPTIONS } from './circuit-breaker.registry';

it('keeps the defaults (5 outages, 30 s) unless the env says otherwise', () => {
  expect(circuitOptionsFromEnv({})).toEqual(DEFAULT_CIRCUIT_OPTIONS);
  expect(
    circuitOptionsFromEnv({ PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD: '3', PLANTSYNC_CIRCUIT_COOL_DOWN_MS: '4000' }),
  ).toMatchObject({ failureThreshold: 3, coolDownMs: 4000, countsAsFailure: DEFAULT_CIRCUIT_OPTIONS.countsAsFailure });
});

it('refuses a bad value naming the variable', () => {
  expect(() => circuitOptionsFromEnv({ PLANTSYNC_CIRCUIT_COOL_DOWN_MS: '10' })).toThrow('PLANTSYNC_CIRCUIT_COOL_DOWN_MS');
  expect(() => circuitOptionsFromEnv({ PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD: 'many' })).toThrow('PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD');
});
