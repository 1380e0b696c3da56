import { ConfirmationStream, seededRandom } from './confirmation-stream';

const orders = () => [
  { number: 'MO-P100-0001', item: 'ACT-2200', unit: 'EA', workCenter: 'P100-WC-ASSY1', nextSequence: 1 },
  { number: 'MO-P100-0009', item: 'SA-2206', unit: 'EA', workCenter: 'P100-WC-MACH', nextSequence: 41 },
];
const settings = { duplicates: 0.2, outOfOrder: 0.2, yieldQuantity: '1', scrapQuantity: '0' };

describe('ConfirmationStream', () => {
  it('numbers each order consecutively from where it stood, sending every sequence exactly once as a new message', () => {
    const stream = new ConfirmationStream('P100', orders(), settings, seededRandom(3));
    const sent = [];
    for (let i = 0; i < 200; i++) {
      const m = stream.next();
      sent.push(m);
      stream.acknowledge(m.confirmation);
    }
    sent.push(...stream.finish());
    const fresh = sent.filter((m) => !m.duplicate).map((m) => m.confirmation);
    for (const [order, first] of [['MO-P100-0001', 1], ['MO-P100-0009', 41]] as const) {
      const seqs = fresh.filter((c) => c.productionOrder === order).map((c) => c.sequence);
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: seqs.length }, (_, i) => first + i));
    }
    expect(sent.filter((m) => m.duplicate).length).toBeGreaterThan(0);
    expect(sent.filter((m) => m.reordered).length).toBeGreaterThan(0);
    // A resend repeats an acknowledged message exactly (same id, same content).
    const byId = new Map(fresh.map((c) => [c.messageId, c]));
    for (const d of sent.filter((m) => m.duplicate)) expect(d.confirmation).toBe(byId.get(d.confirmation.messageId));
  });

  it('sends a held message right after its successor', () => {
    const stream = new ConfirmationStream('P100', orders().slice(0, 1), { ...settings, duplicates: 0, outOfOrder: 1 }, seededRandom(1));
    // Every message is held: 1 is held, 2 releases it (2, 1), 3 is held, 4 releases it (4, 3)...
    const seqs = Array.from({ length: 4 }, () => stream.next().confirmation.sequence);
    expect(seqs).toEqual([2, 1, 4, 3]);
  });

  it('hands out what is still held at the end, so no gap stays open', () => {
    const stream = new ConfirmationStream('P100', orders().slice(0, 1), { ...settings, duplicates: 0, outOfOrder: 1 }, seededRandom(1));
    expect([stream.next(), stream.next(), stream.next()].map((m) => m.confirmation.sequence)).toEqual([2, 1, 4]);
    expect(stream.finish().map((m) => m.confirmation.sequence)).toEqual([3]);
  });
});
