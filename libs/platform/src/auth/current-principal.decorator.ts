import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { unauthenticated } from './auth-problems';
import type { Principal } from './principal';
import { principalOf } from './request-principal';

/** The caller the API-key guard authenticated; 401 when there is none (a public route without a key). */
export function requirePrincipal(request: unknown): Principal {
  const principal = principalOf(request);
  if (!principal) throw unauthenticated('Send your API key in the X-API-Key header.');
  return principal;
}

/** The authenticated caller. On a public route without a key this throws 401. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => requirePrincipal(context.switchToHttp().getRequest()),
);
