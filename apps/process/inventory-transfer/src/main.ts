import { listenApp } from '@plantsync/platform';
import { createInventoryTransferApi } from './inventory-transfer.app';
import { roleFromEnv, runsApi } from './inventory-transfer.role';

/** `npm run start:inventory-transfer`. INVENTORY_TRANSFER_ROLE=worker runs the saga workers only (no port). */
async function bootstrap(): Promise<void> {
  const role = roleFromEnv();
  const app = await createInventoryTransferApi({ role });
  if (!runsApi(role)) {
    await app.init();
    app.enableShutdownHooks();
    process.stdout.write('inventory-transfer worker running\n');
    return;
  }
  const url = await listenApp(app, Number(process.env.INVENTORY_TRANSFER_PORT ?? 3102));
  process.stdout.write(`inventory-transfer (${role}) listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('inventory-transfer failed to start:', error);
  process.exit(1);
});
