import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ALLOW_METADATA } from './allow.decorator';
import { ApiKeyRegistry } from './api-key.registry';
import { forbidden, unauthenticated } from './auth-problems';
import type { AccessKind } from './principal';
import { setPrincipal } from './request-principal';

/** `X-API-Key: <key>` or `Authorization: ApiKey <key>`. */
export function presentedApiKey(headers: FastifyRequest['headers']): string | undefined {
  const header = headers['x-api-key'];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct) return direct.trim();
  const match = /^ApiKey\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** Global guard: authenticates the API key and checks the route's @Allow list. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ApiKeyRegistry) private readonly registry: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const allowed =
      this.reflector.getAllAndOverride<AccessKind[] | undefined>(ALLOW_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (allowed.includes('public')) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = presentedApiKey(request.headers);
    if (!key) throw unauthenticated('Send your API key in the X-API-Key header.');
    const principal = this.registry.authenticate(key);
    if (!principal) throw unauthenticated('The API key is not valid.');
    setPrincipal(request, principal);

    if (principal.isAdmin()) return true;
    const kinds = principal.kinds();
    if (allowed.some((kind) => kinds.has(kind))) return true;
    throw forbidden(`Your API key (${principal.id}) may not call this operation.`);
  }
}
