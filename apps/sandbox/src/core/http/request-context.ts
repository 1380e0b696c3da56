import type { FastifyRequest } from 'fastify';
import { isSandboxSystem, type SandboxSystem } from '../sandbox.options';

export interface SandboxRequestContext {
  plant: string;
  system: SandboxSystem;
  /** From `X-Correlation-ID`; undefined when the caller sent none. */
  correlationId?: string;
  /** From `Idempotency-Key`; undefined when the caller sent none. */
  idempotencyKey?: string;
}

/** `/plants/:plant/:system/...` — the route convention every simulator follows. */
export const PLANT_ROUTE = /^\/plants\/([^/?#]+)\/([^/?#]+)(?:[/?#]|$)/;

/** Plant and system of a sandbox URL, or undefined when it is not a `/plants/...` route. */
export function parsePlantRoute(url: string): { plant: string; system: string } | undefined {
  const match = PLANT_ROUTE.exec(url);
  if (!match) return undefined;
  return { plant: decodeURIComponent(match[1]), system: match[2] };
}

/**
 * What a simulator needs from a request for the ledger and idempotency:
 * `const ctx = requestContext(req)` in a handler that took `@Req() req: FastifyRequest`.
 */
export function requestContext(req: FastifyRequest): SandboxRequestContext {
  const route = parsePlantRoute(req.url);
  if (!route || !isSandboxSystem(route.system))
    throw new Error(
      `requestContext() used outside a /plants/:plant/(erp|mes|wms)/ route: ${req.url}`,
    );
  return {
    plant: route.plant,
    system: route.system,
    correlationId: header(req, 'x-correlation-id'),
    idempotencyKey: header(req, 'idempotency-key'),
  };
}

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.trim() !== '' ? first.trim() : undefined;
}
