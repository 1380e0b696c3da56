import { listenApp } from '@plantsync/platform';
import { createMesApi } from './mes-api.app';

/** `npm run start:mes-api`. */
async function bootstrap(): Promise<void> {
  const app = await createMesApi();
  const url = await listenApp(app, Number(process.env.MES_API_PORT ?? 3002));
  process.stdout.write(`mes-api listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('mes-api failed to start:', error);
  process.exit(1);
});
