import { UnrecoverableError } from 'bullmq';
import {
  BackendRejectedError,
  BackendTimeoutError,
  BackendUnavailableError,
  RecordConflictError,
} from '@plantsync/connectors';
import { isPermanentError, toBullMqError } from './permanent-error';

it.each([
  ['BackendUnavailableError', new BackendUnavailableError('ERP at P200 is down', { plant: 'P200' }), false],
  ['BackendTimeoutError', new BackendTimeoutError(5000, { plant: 'P100' }), false],
  ['BackendRejectedError', new BackendRejectedError('order PO-5000 is closed'), true],
  ['RecordConflictError', new RecordConflictError('already released'), true],
  ['UnrecoverableError', new UnrecoverableError('bad payload'), true],
  ['a plain Error', new Error('socket hang up'), false],
])('%s permanent: %s', (_name, error, permanent) => {
  expect(isPermanentError(error)).toBe(permanent);
});

it('wraps a permanent error in UnrecoverableError keeping its code', () => {
  const wrapped = toBullMqError(new BackendRejectedError('order PO-5000 is closed'));
  expect(wrapped).toBeInstanceOf(UnrecoverableError);
  expect(wrapped.message).toBe('backend-rejected: order PO-5000 is closed');
});
