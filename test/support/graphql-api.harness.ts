import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Landscape } from '@plantsync/landscape';
import { redisTestPrefix } from '@plantsync/testing';
import { DEMO_KEYS } from './demo-keys';
import { testLandscape } from './system-api.harness';

const ROOT = join(__dirname, '../..');

/** HS256 secret the harness configures for portal tokens (tests sign their own with jose). */
export const TEST_PORTAL_JWT_SECRET = 'test-portal-secret-with-at-least-32-characters';
export const TEST_PORTAL_JWT_ISSUER = 'https://portal.plantsync.test';

export interface GraphqlResult<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> };
}

export interface GraphqlRequest {
  variables?: Record<string, unknown>;
  /** X-API-Key */
  key?: string;
  /** Authorization: Bearer */
  token?: string;
  headers?: Record<string, string>;
}

export interface GraphqlApiHarness {
  url: string;
  app: NestFastifyApplication;
  /** POST /graphql with JSON, as any GraphQL client does. */
  query<T = any>(query: string, opts?: GraphqlRequest): Promise<GraphqlResult<T>>;
  /** Any request to /graphql (GET, batches, odd content types) for transport-level tests. */
  raw(init: RequestInit & { path?: string }): Promise<Response>;
  close(): Promise<void>;
}

export interface StartGraphqlApiOptions {
  urls: { erp: string; wms: string; mes?: string; orderRelease?: string; inventoryTransfer?: string; productionSync?: string; reconciliation?: string };
  /** Plants of the landscape (default: the demo landscape pointed at `sandboxUrl`). */
  landscape?: Landscape;
  sandboxUrl?: string;
  /** Client timeout towards the system APIs. */
  timeoutMs?: number;
  /** NODE_ENV and friends (default NODE_ENV=test). */
  env?: Record<string, string>;
}

/**
 * Boots the graphql-api against running system APIs (URLs may be counting proxies), with its own
 * Redis prefix, the demo API keys, a portal JWT secret and quiet logs, on a port the OS picks.
 */
export async function startGraphqlApi(opts: StartGraphqlApiOptions): Promise<GraphqlApiHarness> {
  const redis = redisTestPrefix('graphql-api');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: join(ROOT, 'config/api-keys.demo.yaml'),
    PORTAL_JWT_SECRET: TEST_PORTAL_JWT_SECRET,
    PORTAL_JWT_ISSUER: TEST_PORTAL_JWT_ISSUER,
    ...redis.env,
    ...opts.env,
  });
  const landscape = opts.landscape ?? testLandscape(opts.sandboxUrl ?? 'http://127.0.0.1:9');
  // Resolved at run time so this harness compiles before the app exists, like the other harnesses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createGraphqlApi } = require(join(ROOT, 'apps/experience/graphql-api/src/graphql-api.app')) as typeof import('../../apps/experience/graphql-api/src/graphql-api.app');
  const app = await createGraphqlApi({
    landscape,
    clients: {
      urls: {
        erp: opts.urls.erp,
        wms: opts.urls.wms,
        mes: opts.urls.mes ?? opts.urls.erp,
        orderRelease: opts.urls.orderRelease ?? 'http://127.0.0.1:9',
        inventoryTransfer: opts.urls.inventoryTransfer ?? 'http://127.0.0.1:9',
        productionSync: opts.urls.productionSync ?? 'http://127.0.0.1:9',
        reconciliation: opts.urls.reconciliation ?? 'http://127.0.0.1:9',
      },
      apiKey: DEMO_KEYS.service,
      timeoutMs: opts.timeoutMs,
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    app,
    async query(query, { variables, key, token, headers } = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { 'x-api-key': key } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
    },
    raw: ({ path, ...init }) => fetch(`${url}${path ?? '/graphql'}`, init),
    async close() {
      await app.close();
      await redis.cleanup();
    },
  };
}
