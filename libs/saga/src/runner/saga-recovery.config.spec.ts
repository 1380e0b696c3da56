import { sagaRecoveryFromEnv } from './saga-recovery.config';

it('reads the recovery sweep periods from env only when set', () => {
  expect(sagaRecoveryFromEnv({ SAGA_RECOVERY_INTERVAL_MS: '2000', SAGA_RECOVERY_STALE_AFTER_MS: '3000' })).toEqual({ intervalMs: 2000, staleAfterMs: 3000 });
  expect(sagaRecoveryFromEnv({})).toEqual({});
  expect(() => sagaRecoveryFromEnv({ SAGA_RECOVERY_INTERVAL_MS: 'soon' })).toThrow('SAGA_RECOVERY_INTERVAL_MS');
});
