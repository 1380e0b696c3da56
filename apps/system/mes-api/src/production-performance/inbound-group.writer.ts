import type { ProductionConfirmation } from '@plantsync/canonical';
import { createEvent, EventTypes, type OutboxWriter } from '@plantsync/messaging';
import { bulkInsert } from '@plantsync/persistence';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InboundConfirmationEntity } from './inbound-confirmation.entity';

/** One inbound post, validated, waiting for its group's transaction. */
export interface InboundSubmission {
  plant: string;
  confirmations: readonly ProductionConfirmation[];
  format: 'json' | 'b2mml';
  correlationId: string | undefined;
  receiptId: string;
  receivedAt: Date;
}

/** What the transaction decided for one post: each message id is in exactly one of the two lists. */
export interface InboundOutcome {
  accepted: string[];
  duplicates: string[];
}

interface OwnedRow {
  owner: number;
  row: QueryDeepPartialEntity<InboundConfirmationEntity> & {
    id: string;
    plant: string;
    messageId: string;
    productionOrder: string;
    sequence: number;
  };
}

const keyOf = (plant: string, messageId: string) => `${plant}\u0000${messageId}`;

/**
 * Stores the posts of one group commit in the caller's transaction and tells each post which of
 * its messages it stored:
 * - within the group, a (plant, messageId) belongs to the first post that carries it; later
 *   copies (in the same post or in a later one) are duplicates;
 * - the rest is written with INSERT … ON CONFLICT DO NOTHING against the unique (plant, message_id)
 *   index, RETURNING the keys actually inserted — a message stored before, or by another process
 *   in between, is not returned and so is a duplicate;
 * - every inserted row gets its ProductionPerformanceReceived outbox event, in the same transaction.
 * So a message is stored once and exactly one post is told "accepted", whatever the timing.
 */
export async function writeInboundGroup(
  manager: EntityManager,
  outbox: OutboxWriter,
  posts: readonly InboundSubmission[],
): Promise<InboundOutcome[]> {
  const claimed = new Map<string, OwnedRow>();
  posts.forEach((post, owner) => {
    for (const c of post.confirmations) {
      const key = keyOf(post.plant, c.messageId);
      if (claimed.has(key)) continue;
      claimed.set(key, {
        owner,
        row: {
          // UUID v7 is time-ordered: the row's and its outbox event's primary keys append at the
          // B-tree's right edge instead of scattering (a third less CPU per row on a large SQLite file).
          id: uuidv7(),
          plant: post.plant,
          messageId: c.messageId,
          productionOrder: c.productionOrder,
          sequence: c.sequence,
          // JSON text via the column's transformer, so TypeORM's deep-partial typing does not apply.
          payload: { ...c } as QueryDeepPartialEntity<Record<string, unknown>>,
          format: post.format,
          receivedAt: post.receivedAt,
          status: 'received',
          receiptId: post.receiptId,
          correlationId: post.correlationId ?? null,
        },
      });
    }
  });

  const candidates = [...claimed.values()];
  // Only rows actually inserted come back: a key stored before (or by another process meanwhile) does not.
  const returned = await bulkInsert(
    manager,
    InboundConfirmationEntity,
    candidates.map((c) => c.row as Partial<InboundConfirmationEntity>),
    { skipConflicts: true, returning: ['plant', 'messageId'] },
  );
  const inserted = new Set(returned.map((r) => keyOf(r.plant!, r.messageId!)));

  const stored = candidates.filter((c) => inserted.has(keyOf(c.row.plant, c.row.messageId)));
  const events = stored.map(({ owner, row }) =>
    createEvent({
      // The stored row's id: a re-run of this transaction could never announce a message twice.
      id: row.id,
      type: EventTypes.ProductionPerformanceReceived,
      source: '/plantsync/mes-api',
      subject: `${row.plant}/${row.productionOrder}`,
      data: {
        plant: row.plant,
        productionOrder: row.productionOrder,
        messageId: row.messageId,
        sequence: row.sequence,
      },
      correlationId: posts[owner].correlationId ?? posts[owner].receiptId,
    }),
  );
  await outbox.write(manager, ...events);

  return posts.map((post, owner) => {
    const accepted: string[] = [];
    const duplicates: string[] = [];
    const reported = new Set<string>();
    for (const c of post.confirmations) {
      const key = keyOf(post.plant, c.messageId);
      const mine = claimed.get(key)?.owner === owner && inserted.has(key);
      if (mine && !reported.has(key)) accepted.push(c.messageId);
      else duplicates.push(c.messageId);
      reported.add(key);
    }
    return { accepted, duplicates };
  });
}
