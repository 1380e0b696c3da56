import { createHash } from 'node:crypto';
import { badUserInput } from '../errors/graphql-errors';

/**
 * Cursors are opaque to clients: base64url JSON holding the system API's own cursor, how many items
 * of that page were already handed out, and a fingerprint of the query (kind, filters and who
 * asked). A cursor used with another query or by another caller is refused instead of silently
 * paging something else.
 */
export interface CursorState {
  /** The system API cursor the page was fetched with (null: its first page). */
  c: string | null;
  /** Items of that page already consumed. */
  s: number;
  /** Page size the page was fetched with (skip counts are only valid for the same size). */
  l: number;
  /** Query fingerprint. */
  q: string;
}

export function queryFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): CursorState {
  let parsed: Partial<CursorState> | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
  } catch {
    parsed = undefined;
  }
  const valid =
    parsed &&
    (parsed.c === null || typeof parsed.c === 'string') &&
    Number.isInteger(parsed.s) &&
    (parsed.s as number) >= 0 &&
    Number.isInteger(parsed.l) &&
    (parsed.l as number) > 0 &&
    typeof parsed.q === 'string';
  if (!valid) throw badUserInput('The cursor is not valid.', [{ field: 'after', message: 'not a cursor this API issued' }]);
  if (parsed!.q !== fingerprint)
    throw badUserInput('The cursor belongs to another query.', [{ field: 'after', message: 'use the cursor with the same filter it came from' }]);
  return parsed as CursorState;
}
