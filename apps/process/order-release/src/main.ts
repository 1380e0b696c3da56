import { listenApp, validateConfig } from '@plantsync/platform';
import { OrderReleaseConfig } from './config/order-release.config';
import { createOrderReleaseApi } from './order-release.app';

/**
 * `npm run start:order-release`. ORDER_RELEASE_ROLE=all (default) serves the API and runs the
 * worker; `api` only serves; `worker` only runs jobs (no HTTP port), so fault tests and
 * production can run and kill workers as separate processes.
 */
async function bootstrap(): Promise<void> {
  const config = validateConfig(OrderReleaseConfig);
  const app = await createOrderReleaseApi();
  if (config.ORDER_RELEASE_ROLE === 'worker') {
    app.enableShutdownHooks();
    await app.init();
    process.stdout.write('order-release worker running\n');
    return;
  }
  const url = await listenApp(app, config.ORDER_RELEASE_PORT);
  process.stdout.write(`order-release (${config.ORDER_RELEASE_ROLE}) listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('order-release failed to start:', error);
  process.exit(1);
});
