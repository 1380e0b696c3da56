/** Which part of the app a process runs: the REST API, the workers, or both (the default). */
export type ProductionSyncRole = 'api' | 'worker' | 'all';

const ROLES: readonly ProductionSyncRole[] = ['api', 'worker', 'all'];

/** `PRODUCTION_SYNC_ROLE`; anything else stops boot naming the bad value. */
export function roleFromEnv(env: Record<string, string | undefined> = process.env): ProductionSyncRole {
  const value = env.PRODUCTION_SYNC_ROLE ?? 'all';
  if (!(ROLES as readonly string[]).includes(value))
    throw new Error(`PRODUCTION_SYNC_ROLE must be one of ${ROLES.join(', ')}; got ${JSON.stringify(value)}`);
  return value as ProductionSyncRole;
}

export const runsApi = (role: ProductionSyncRole): boolean => role !== 'worker';
export const runsWorkers = (role: ProductionSyncRole): boolean => role !== 'api';
