import { listenApp } from '@plantsync/platform';
import { createWmsApi } from './wms-api.app';

/** `npm run start:wms-api`. */
async function bootstrap(): Promise<void> {
  const app = await createWmsApi();
  const url = await listenApp(app, Number(process.env.WMS_API_PORT ?? 3003));
  process.stdout.write(`wms-api listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('wms-api failed to start:', error);
  process.exit(1);
});
