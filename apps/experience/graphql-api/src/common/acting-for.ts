import type { Principal } from '@plantsync/platform';

/**
 * What the graphql-api sends as X-Acting-For: the person behind this request, so the process API
 * records `planner:demo-planner via <our service key>` instead of only our service key. The role
 * comes first so an auditor sees in which capacity the person acted; the id is the API key's id or
 * `jwt:<sub>` for a portal token.
 */
export function actingForOf(viewer: Principal): string {
  const role = viewer.isAdmin() ? 'admin' : viewer.hasRole('planner') ? 'planner' : viewer.supplierIds().length > 0 ? 'supplier' : 'service';
  return `${role}:${viewer.id}`;
}
