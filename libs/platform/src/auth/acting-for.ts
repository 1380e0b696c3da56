import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ProblemException } from '../errors/problem.exception';
import { unauthenticated } from './auth-problems';
import type { Principal } from './principal';
import { principalOf } from './request-principal';

/** Header a service names the person it acts for in (`planner:demo-planner`, `jwt:alice`). */
export const ACTING_FOR_HEADER = 'x-acting-for';

/** `<kind>:<id>` of the person: letters, digits and `:_.@-`, at most 90 characters. */
const ACTING_FOR_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_.@:-]{1,80}$/;

/**
 * Who did it, for the audit trail: the caller's key id, or — when a service key (the graphql-api)
 * sends X-Acting-For — `<person> via <service key id>`. Only the service role may name someone
 * else (403 acting-for-forbidden otherwise): a planner's key must never record a decision as
 * another person's. The service authenticated the person itself; this app trusts the service key.
 */
export function actorOf(principal: Principal, header: unknown): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return principal.id;
  if (!principal.hasRole('service') || principal.isAdmin())
    throw new ProblemException({
      status: 403,
      code: 'acting-for-forbidden',
      title: 'Only a service may act for someone else',
      detail: `Your API key (${principal.id}) may not send X-Acting-For; the decision is recorded against your own key.`,
    });
  if (typeof value !== 'string' || !ACTING_FOR_PATTERN.test(value))
    throw new ProblemException({
      status: 400,
      code: 'validation-failed',
      title: 'Request validation failed',
      detail: '1 field(s) are invalid.',
      extensions: { errors: [{ field: 'header.x-acting-for', message: 'X-Acting-For must read <kind>:<id>, e.g. planner:demo-planner (at most 90 characters)' }] },
    });
  return `${value} via ${principal.id}`;
}

/** The actor of this request (see actorOf): the caller, or the person a service acts for. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
  const principal = principalOf(request);
  if (!principal) throw unauthenticated('Send your API key in the X-API-Key header.');
  return actorOf(principal, request.headers[ACTING_FOR_HEADER]);
});
