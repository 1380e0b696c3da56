import { listenApp } from '@plantsync/platform';
import { createProductionSyncApi } from './production-sync.app';
import { roleFromEnv, runsApi } from './production-sync.role';

/** `npm run start:production-sync`. PRODUCTION_SYNC_ROLE=worker runs the workers only (no port). */
async function bootstrap(): Promise<void> {
  const role = roleFromEnv();
  const app = await createProductionSyncApi({ role });
  if (!runsApi(role)) {
    await app.init();
    app.enableShutdownHooks();
    process.stdout.write('production-sync worker running\n');
    return;
  }
  const url = await listenApp(app, Number(process.env.PRODUCTION_SYNC_PORT ?? 3103));
  process.stdout.write(`production-sync (${role}) listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('production-sync failed to start:', error);
  process.exit(1);
});
