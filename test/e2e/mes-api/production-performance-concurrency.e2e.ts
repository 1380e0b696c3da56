import { OutboxEvent } from '@plantsync/messaging';
import { DataSource, In } from 'typeorm';
import { InboundConfirmationsService } from '../../../apps/system/mes-api/src/production-performance/inbound-confirmations.service';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { confirmation } from './mes-fixtures';

const PATH = '/v1/plants/P100/production-performance';

interface StoredRow {
  id: string;
  plant: string;
  messageId: string;
  receiptId: string;
}

/**
 * Many MES posts arriving together are stored by group commit (ADR 0011). What a plant relies on
 * must not depend on which posts share a transaction: every message stored once with one outbox
 * event, exactly one post told "accepted" for it, and nothing told "accepted" that was not committed.
 */
describe.each(['sqlite', 'postgres'] as const)(
  'mes-api inbound under concurrent posts (%s)',
  (database) => {
    let sandbox: SandboxHarness;
    let api: SystemApiHarness;
    let dataSource: DataSource;

    beforeAll(async () => {
      sandbox = await startSandbox();
      api = await startSystemApi('mes-api', { sandboxUrl: sandbox.url, database });
      dataSource = api.app.get(DataSource);
    });

    afterAll(async () => {
      await api?.close();
      await sandbox?.close();
    });

    const storedRows = (messageIds: string[]): Promise<StoredRow[]> =>
      dataSource.getRepository<StoredRow>('InboundConfirmationEntity').find({
        select: { id: true, messageId: true, receiptId: true },
        where: { plant: 'P100', messageId: In(messageIds) },
      });

    const outboxEventsFor = (rowIds: string[]): Promise<OutboxEvent[]> =>
      dataSource.getRepository(OutboxEvent).find({ where: { id: In(rowIds) } });

    it('stores each message of overlapping concurrent posts once, with one event, accepted by exactly one post', async () => {
      const pool = Array.from({ length: 60 }, (_, i) => confirmation({ sequence: i + 1 }));
      const ids = pool.map((c) => c.messageId);
      // Twelve overlapping batches of 20 (every message is in four of them), six singles, and a
      // batch that carries one message twice.
      const bodies: unknown[] = [
        ...Array.from({ length: 12 }, (_, k) => ({
          confirmations: Array.from({ length: 20 }, (_, j) => pool[(5 * k + j) % pool.length]),
        })),
        ...[0, 7, 14, 21, 28, 35].map((i) => pool[i]),
        { confirmations: [pool[40], pool[41], pool[40]] },
      ];
      const sent = bodies.map((b) =>
        'confirmations' in (b as object)
          ? (b as { confirmations: Array<{ messageId: string }> }).confirmations.map(
              (c) => c.messageId,
            )
          : [(b as { messageId: string }).messageId],
      );

      const answers = await Promise.all(
        bodies.map((body) => api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body })),
      );

      expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 202));
      answers.forEach((a, i) => {
        // Every message of a post is answered, once, in one of the two lists.
        expect([...a.body.accepted, ...a.body.duplicates].sort()).toEqual([...sent[i]].sort());
      });
      const acceptedBy = new Map<string, string[]>();
      for (const a of answers)
        for (const id of a.body.accepted as string[])
          acceptedBy.set(id, [...(acceptedBy.get(id) ?? []), a.body.receiptId as string]);
      expect([...acceptedBy.keys()].sort()).toEqual([...ids].sort());
      for (const receipts of acceptedBy.values()) expect(receipts).toHaveLength(1);

      const rows = await storedRows(ids);
      expect(rows).toHaveLength(ids.length);
      // The row carries the receipt of the post that was told "accepted".
      for (const row of rows) expect(acceptedBy.get(row.messageId)).toEqual([row.receiptId]);

      const events = await outboxEventsFor(rows.map((r) => r.id));
      expect(events).toHaveLength(ids.length);
      expect(events.map((e) => JSON.parse(e.payload).data.messageId).sort()).toEqual(
        [...ids].sort(),
      );
    });

    it('decides per post even when overlapping posts share one transaction', async () => {
      // Handed to the inbox in the same tick, these are one group commit whatever the HTTP timing.
      const inbox = api.app.get(InboundConfirmationsService);
      const [a, b, c] = [
        confirmation(),
        confirmation({ sequence: 2 }),
        confirmation({ sequence: 3 }),
      ];
      const earlier = await inbox.receive('P100', [c], 'json', undefined);
      const receipts = await Promise.all([
        inbox.receive('P100', [a, b], 'json', undefined),
        inbox.receive('P100', [b, a, c], 'json', undefined),
        inbox.receive('P100', [b, b], 'json', undefined),
      ]);

      expect(earlier.accepted).toEqual([c.messageId]);
      expect(receipts.map((r) => ({ accepted: r.accepted, duplicates: r.duplicates }))).toEqual([
        { accepted: [a.messageId, b.messageId], duplicates: [] },
        { accepted: [], duplicates: [b.messageId, a.messageId, c.messageId] },
        { accepted: [], duplicates: [b.messageId, b.messageId] },
      ]);
      const rows = await storedRows([a.messageId, b.messageId, c.messageId]);
      expect(rows.map((r) => [r.messageId, r.receiptId]).sort()).toEqual(
        [
          [a.messageId, receipts[0].receiptId],
          [b.messageId, receipts[0].receiptId],
          [c.messageId, earlier.receiptId],
        ].sort(),
      );
      expect(await outboxEventsFor(rows.map((r) => r.id))).toHaveLength(3);
    });

    describe('when the database refuses a write', () => {
      beforeAll(async () => {
        // A message id the database refuses: the transaction holding it fails at COMMIT time or before.
        if (database === 'sqlite') {
          await dataSource.query(
            `CREATE TRIGGER refuse_poisoned BEFORE INSERT ON inbound_confirmations
           WHEN NEW.message_id LIKE 'POISON-%' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`,
          );
        } else {
          await dataSource.query(
            `CREATE FUNCTION refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF NEW.message_id LIKE 'POISON-%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
             RETURN NEW;
           END $$`,
          );
          await dataSource.query(
            `CREATE TRIGGER refuse_poisoned BEFORE INSERT ON inbound_confirmations
           FOR EACH ROW EXECUTE FUNCTION refuse_poisoned()`,
          );
        }
      });

      afterAll(async () => {
        await dataSource.query(
          database === 'sqlite'
            ? 'DROP TRIGGER refuse_poisoned'
            : 'DROP TRIGGER refuse_poisoned ON inbound_confirmations',
        );
      });

      it('fails every post that shares the failing transaction and stores none of them', async () => {
        const inbox = api.app.get(InboundConfirmationsService);
        const good = [confirmation(), confirmation({ sequence: 2 })];
        const poisoned = confirmation({ messageId: `POISON-${Date.now()}-shared`, sequence: 3 });
        const outcomes = await Promise.allSettled([
          inbox.receive('P100', [good[0]], 'json', undefined),
          inbox.receive('P100', [poisoned], 'json', undefined),
          inbox.receive('P100', [good[1]], 'json', undefined),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
        expect(await storedRows([...good, poisoned].map((c) => c.messageId))).toEqual([]);
      });

      it('answers no post accepted whose transaction failed, and such posts can be sent again', async () => {
        const posts = Array.from({ length: 10 }, () => ({
          confirmations: [confirmation({ sequence: 1 }), confirmation({ sequence: 2 })],
        }));
        posts[4].confirmations.push(
          confirmation({ messageId: `POISON-${Date.now()}`, sequence: 3 }),
        );

        const answers = await Promise.all(
          posts.map((body) => api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body })),
        );

        expect(answers[4].status).toBeGreaterThanOrEqual(500);
        const failed: number[] = [];
        for (const [k, a] of answers.entries()) {
          const ids = posts[k].confirmations.map((c) => c.messageId);
          const rows = await storedRows(ids);
          if (a.status === 202) {
            // Told accepted: committed, with its event.
            expect(a.body.accepted).toEqual(ids);
            expect(rows).toHaveLength(ids.length);
            expect(await outboxEventsFor(rows.map((r) => r.id))).toHaveLength(ids.length);
          } else {
            // Not told accepted: nothing of it was committed (its neighbours in the flush included).
            expect(a.status).toBeGreaterThanOrEqual(500);
            expect(rows).toEqual([]);
            failed.push(k);
          }
        }

        // The MES retries what failed (without the refused message): now stored, as new messages.
        for (const k of failed) {
          const body = {
            confirmations: posts[k].confirmations.filter((c) => !c.messageId.startsWith('POISON-')),
          };
          const again = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body });
          expect(again.status).toBe(202);
          expect(again.body.accepted).toEqual(body.confirmations.map((c) => c.messageId));
        }
      });
    });
  },
);
