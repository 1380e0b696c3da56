/** DI token of the ProductionSyncSettings. */
export const PRODUCTION_SYNC_SETTINGS = Symbol('PRODUCTION_SYNC_SETTINGS');

/** The subscriber name: mes-api's relay publishes to the queue `events.production-sync`. */
export const SUBSCRIBER = 'production-sync';
