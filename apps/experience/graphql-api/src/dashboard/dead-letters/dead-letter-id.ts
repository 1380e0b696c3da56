import { DEAD_LETTER_SOURCES, type DeadLetterSource } from '@plantsync/clients';
import { badUserInput } from '../../errors/graphql-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A dead letter's GraphQL id, `<source>:<uuid>` (e.g. `order-release:3f0c…`): dead letters live in
 * each process app's own database, so the id must say which app to ask.
 */
export function deadLetterId(source: DeadLetterSource, id: string): string {
  return `${source}:${id}`;
}

export function parseDeadLetterId(value: string, field = 'id'): { source: DeadLetterSource; id: string } {
  const cut = value.indexOf(':');
  const source = value.slice(0, cut) as DeadLetterSource;
  const id = value.slice(cut + 1);
  if (cut < 0 || !DEAD_LETTER_SOURCES.includes(source) || !UUID.test(id))
    throw badUserInput(`${field} must read <source>:<uuid> with source one of ${DEAD_LETTER_SOURCES.join(', ')}`, [
      { field, message: `expected e.g. order-release:0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10, got ${value.slice(0, 80)}` },
    ]);
  return { source, id };
}
