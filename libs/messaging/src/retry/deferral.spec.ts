import { BackendUnavailableError } from '@plantsync/connectors';
import { CircuitOpenError } from '../circuit-breaker/circuit-open.error';
import { deferralOf } from './deferral';

const circuitOpen = (seconds: number) => new CircuitOpenError({ plant: 'P200', system: 'wms' }, seconds);

it('defers a job refused by an open circuit by the remaining cool-down', () => {
  expect(deferralOf(circuitOpen(8))).toBe(8_000);
});

it('finds the refusal as the cause of a client error (libs/clients wraps it)', () => {
  const wrapped = new Error('wms-api createReservation: circuit open for wms at P200', { cause: circuitOpen(3) });
  expect(deferralOf(wrapped)).toBe(3_000);
});

it('never defers an outage the call itself met: that spends an attempt', () => {
  expect(deferralOf(new BackendUnavailableError('Odoo at P200 refused the connection'))).toBeUndefined();
  expect(deferralOf(new Error('socket hang up'))).toBeUndefined();
  expect(deferralOf('circuit open')).toBeUndefined();
});

it('stops at a cycle of causes', () => {
  const a = new Error('a');
  const b = new Error('b', { cause: a });
  (a as { cause?: unknown }).cause = b;
  expect(deferralOf(a)).toBeUndefined();
});
