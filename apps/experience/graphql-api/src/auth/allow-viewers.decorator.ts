import { SetMetadata } from '@nestjs/common';

/** Kinds of caller a GraphQL field admits; admin always passes. */
export type ViewerKind = 'planner' | 'supplier' | 'service';

export const ALLOW_VIEWERS = 'plantsync:graphql:allow';

/**
 * Which callers may resolve a query, mutation or field (class or method). A resolver without it is
 * admin-only: the secure default. `supplier` admits any supplier:<id> caller — the resolver then
 * narrows to that supplier's own records (object-level authorization).
 */
export const AllowViewers = (...kinds: ViewerKind[]) => SetMetadata(ALLOW_VIEWERS, kinds);
