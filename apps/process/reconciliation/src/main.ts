import { listenApp } from '@plantsync/platform';
import { createReconciliationApi } from './reconciliation.app';

/** `npm run start:reconciliation` (port 3104): API, reconciliation worker and schedulers in one process. */
async function bootstrap(): Promise<void> {
  const app = await createReconciliationApi();
  const url = await listenApp(app, Number(process.env.RECONCILIATION_PORT ?? 3104));
  process.stdout.write(`reconciliation listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('reconciliation failed to start:', error);
  process.exit(1);
});
