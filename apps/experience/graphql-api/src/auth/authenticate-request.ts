import { Principal, type ApiKeyRegistry } from '@plantsync/platform';
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors/graphql-errors';
import { PortalTokenRejected, type PortalJwtVerifier } from './portal-jwt.verifier';

/** `X-API-Key: <key>` or `Authorization: ApiKey <key>` (the platform's two forms). */
function presentedApiKey(headers: FastifyRequest['headers']): string | undefined {
  const header = headers['x-api-key'];
  const direct = (Array.isArray(header) ? header[0] : header)?.trim();
  if (direct) return direct;
  return /^ApiKey\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
}

function presentedBearer(headers: FastifyRequest['headers']): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
}

/**
 * Who is calling: an API key from the platform's key file, or a portal user's JWT. No credential,
 * an unknown key or a bad token → UNAUTHENTICATED for the whole request (HTTP 401). Portal users
 * become principals `jwt:<sub>` with their token's scopes, so every check downstream is the same.
 */
export async function authenticateRequest(
  request: FastifyRequest,
  keys: ApiKeyRegistry,
  jwt: PortalJwtVerifier,
): Promise<Principal> {
  const key = presentedApiKey(request.headers);
  if (key) {
    const principal = keys.authenticate(key);
    if (!principal) throw unauthenticated('The API key is not valid.');
    return principal;
  }
  const token = presentedBearer(request.headers);
  if (token) {
    try {
      const identity = await jwt.verify(token);
      return new Principal(`jwt:${identity.subject}`, identity.scopes);
    } catch (e) {
      if (e instanceof PortalTokenRejected) throw unauthenticated('The bearer token is not valid.');
      throw e;
    }
  }
  throw unauthenticated('Send your API key in the X-API-Key header or a portal token as Authorization: Bearer.');
}
