import { GraphQLError } from 'graphql';
import { parseDeadLetterId } from './dead-letter-id';
import { groupDeadLetters } from './dead-letters.service';
import { type DeadLetterModel, DeadLetterSourceName, DeadLetterStatus } from './models/dead-letter.model';

const letter = (n: number, source: DeadLetterSourceName, reason: string, businessKey: string | null, createdAt: string): DeadLetterModel => ({
  id: `${source}:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  source,
  queue: source,
  jobName: 'dispatch-work-order',
  reason,
  lastError: 'MES of P100 is down',
  attempts: 5,
  businessKey,
  createdAt,
  status: DeadLetterStatus.OPEN,
  replayCount: 0,
  discardReason: null,
});

describe('dead letters grouped by source × reason', () => {
  it('counts each group with its oldest, newest and distinct sample business keys, largest group first', () => {
    const letters = [
      letter(1, DeadLetterSourceName.ORDER_RELEASE, 'backend-unavailable', 'P100/MO-P100-0003', '2026-11-22T07:03:00.000Z'),
      letter(2, DeadLetterSourceName.ORDER_RELEASE, 'backend-unavailable', 'P100/MO-P100-0003', '2026-11-22T07:02:00.000Z'),
      letter(3, DeadLetterSourceName.ORDER_RELEASE, 'backend-unavailable', 'P200/MO-P200-0005', '2026-11-22T07:01:00.000Z'),
      letter(4, DeadLetterSourceName.PRODUCTION_SYNC, 'backend-unavailable', null, '2026-11-22T06:00:00.000Z'),
      letter(5, DeadLetterSourceName.ORDER_RELEASE, 'backend-rejected', 'P300/MO-P300-0009', '2026-11-22T05:00:00.000Z'),
    ];
    const groups = groupDeadLetters(letters);
    expect(groups.map((g) => [g.source, g.reason, g.count])).toEqual([
      ['order-release', 'backend-unavailable', 3],
      ['order-release', 'backend-rejected', 1],
      ['production-sync', 'backend-unavailable', 1],
    ]);
    expect(groups[0]).toMatchObject({
      oldest: '2026-11-22T07:01:00.000Z',
      newest: '2026-11-22T07:03:00.000Z',
      sampleBusinessKeys: ['P100/MO-P100-0003', 'P200/MO-P200-0005'],
      queues: ['order-release'],
    });
    expect(groups[2].sampleBusinessKeys).toEqual([]);
  });
});

describe('dead letter ids', () => {
  it('name the process app and the uuid', () => {
    expect(parseDeadLetterId('inventory-transfer:0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10')).toEqual({ source: 'inventory-transfer', id: '0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10' });
  });

  it.each(['0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10', 'reconciliation:0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10', 'order-release:42', 'order-release:'])('refuses %s as BAD_USER_INPUT', (id) => {
    expect(() => parseDeadLetterId(id)).toThrow(GraphQLError);
    try {
      parseDeadLetterId(id);
    } catch (e) {
      expect((e as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
