import { createSandboxApp } from './sandbox.app';

/** `npm run start:sandbox`: the simulated ERP, MES and WMS of every demo plant. */
async function bootstrap(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT ?? 4010);
  const host = process.env.HOST ?? '127.0.0.1';
  const app = await createSandboxApp();
  await app.listen({ port, host });
  // The one line a human (or the all-in-one start script) looks for.
  process.stdout.write(
    `sandbox listening on http://${host}:${port} (db ${process.env.SANDBOX_DB ?? 'var/sandbox.sqlite'})\n`,
  );
}

bootstrap().catch((error: unknown) => {
  console.error('sandbox failed to start:', error);
  process.exit(1);
});
