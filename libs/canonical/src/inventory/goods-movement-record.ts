import { ApiPropertyOptional } from '@nestjs/swagger';
import { InventoryMovement } from './inventory';

/**
 * Processes whose idempotency keys lead with their name (`production-sync/P100/…`,
 * `inventory-transfer/…`, `reconciliation-run/…`). A key from anyone else (a UUID from a client)
 * names no origin: guessing one from its first word would mislead a data steward.
 */
export const POSTING_ORIGINS = ['production-sync', 'inventory-transfer', 'order-release', 'reconciliation'] as const;
export type PostingOrigin = (typeof POSTING_ORIGINS)[number];

/** The Plantsync process that posted under the caller's `key`, when the key names it; undefined otherwise. */
export function postingOrigin(key: string | undefined): PostingOrigin | undefined {
  if (!key) return undefined;
  return POSTING_ORIGINS.find((origin) => key === origin || key.startsWith(`${origin}/`) || key.startsWith(`${origin}-`));
}

export interface PostingKeyParts {
  /** The Idempotency-Key the caller sent. */
  postingKey: string;
  /** The API key id of the caller, when a system API posted on its behalf. */
  postedBy?: string;
  origin?: PostingOrigin;
}

/** A system API scopes the caller's key as `<app>:<caller>:<key>` (requestCallContext) before the backend stores it. */
const SCOPED_KEY = /^[a-z][a-z0-9-]*-api:([^:]+):(.+)$/s;

/** The key a backend stored with a posting, split back into the caller's key, the caller and the origin process. */
export function parsePostingKey(stored: string): PostingKeyParts {
  const scoped = SCOPED_KEY.exec(stored);
  const postingKey = scoped ? scoped[2] : stored;
  const origin = postingOrigin(postingKey);
  return { postingKey, ...(scoped ? { postedBy: scoped[1] } : {}), ...(origin ? { origin } : {}) };
}

/** A goods movement the ERP has posted (done), read back from its history. */
export class GoodsMovementRecord extends InventoryMovement {
  @ApiPropertyOptional({
    example: 'production-sync/P100/7f3c…/erp-issue-1-BRG-6204',
    description: 'The Idempotency-Key the movement was posted under, when Plantsync posted it',
  })
  postingKey?: string;

  @ApiPropertyOptional({ example: 'svc-production-sync', description: 'The API key id of the caller that posted it' })
  postedBy?: string;

  @ApiPropertyOptional({ enum: POSTING_ORIGINS, description: 'The Plantsync process that posted it, read from postingKey' })
  origin?: PostingOrigin;
}
