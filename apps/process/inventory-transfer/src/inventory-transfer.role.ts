/** Which part of the app a process runs: the REST API, the saga workers, or both (the default). */
export type InventoryTransferRole = 'api' | 'worker' | 'all';

const ROLES: readonly InventoryTransferRole[] = ['api', 'worker', 'all'];

/** `INVENTORY_TRANSFER_ROLE`; anything else stops boot naming the bad value. */
export function roleFromEnv(env: Record<string, string | undefined> = process.env): InventoryTransferRole {
  const value = env.INVENTORY_TRANSFER_ROLE ?? 'all';
  if (!(ROLES as readonly string[]).includes(value))
    throw new Error(`INVENTORY_TRANSFER_ROLE must be one of ${ROLES.join(', ')}; got ${JSON.stringify(value)}`);
  return value as InventoryTransferRole;
}

export const runsApi = (role: InventoryTransferRole): boolean => role !== 'worker';
export const runsWorkers = (role: InventoryTransferRole): boolean => role !== 'api';
