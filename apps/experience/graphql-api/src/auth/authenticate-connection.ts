import type { ApiKeyRegistry, Principal } from '@plantsync/platform';
import type { FastifyRequest } from 'fastify';
import { authenticateRequest } from './authenticate-request';
import type { PortalJwtVerifier } from './portal-jwt.verifier';

/**
 * Who opens a graphql-ws connection. Browsers cannot set headers on a WebSocket, so the
 * credential travels in `connection_init`'s payload: `{ "x-api-key": "<key>" }` (or `apiKey`),
 * or `{ "authorization": "Bearer <portal token>" }` — then the same rules as over HTTP apply.
 */
export function authenticateConnection(
  params: Readonly<Record<string, unknown>> | undefined,
  keys: ApiKeyRegistry,
  jwt: PortalJwtVerifier,
): Promise<Principal> {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const headers: Record<string, string | undefined> = {
    'x-api-key': text(params?.['x-api-key']) ?? text(params?.apiKey),
    authorization: text(params?.authorization) ?? text(params?.Authorization),
  };
  return authenticateRequest({ headers } as unknown as FastifyRequest, keys, jwt);
}
