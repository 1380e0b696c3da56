import type { Principal } from '@plantsync/platform';

export const CLIENT_MUTATION_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
export const CLIENT_MUTATION_ID_MESSAGE = 'clientMutationId must be 8–128 characters of A–Z a–z 0–9 . _ : -';

/**
 * The Idempotency-Key sent downstream. Every caller reaches the process and system APIs through
 * our one service key, so the caller's id is part of the key: two planners choosing the same
 * clientMutationId never collide, and a retry by the same caller replays the first answer.
 */
export function idempotencyKeyFor(viewer: Principal, clientMutationId: string): string {
  return `graphql:${viewer.id}:${clientMutationId}`;
}
