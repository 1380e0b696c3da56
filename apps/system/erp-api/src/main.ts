import { listenApp } from '@plantsync/platform';
import { createErpApi } from './erp-api.app';

/** `npm run start:erp-api`. */
async function bootstrap(): Promise<void> {
  const app = await createErpApi();
  const url = await listenApp(app, Number(process.env.ERP_API_PORT ?? 3001));
  process.stdout.write(`erp-api listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('erp-api failed to start:', error);
  process.exit(1);
});
