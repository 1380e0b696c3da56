import type { Principal } from './principal';

/** Where the guard leaves the principal on the (Fastify) request. */
export const PRINCIPAL_KEY = 'plantsyncPrincipal';

export function principalOf(request: unknown): Principal | undefined {
  return (request as Record<string, Principal | undefined>)[PRINCIPAL_KEY];
}

export function setPrincipal(request: unknown, principal: Principal): void {
  (request as Record<string, Principal>)[PRINCIPAL_KEY] = principal;
}
