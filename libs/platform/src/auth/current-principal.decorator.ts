import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { unauthenticated } from './auth-problems';
import type { Principal } from './principal';
import { principalOf } from './request-principal';

/** The authenticated caller. On a public route without a key this throws 401. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context.switchToHttp().getRequest());
    if (!principal) throw unauthenticated('Send your API key in the X-API-Key header.');
    return principal;
  },
);
