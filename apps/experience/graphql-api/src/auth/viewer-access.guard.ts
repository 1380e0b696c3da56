import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { forbidden, unauthenticated } from '../errors/graphql-errors';
import { ALLOW_VIEWERS, type ViewerKind } from './allow-viewers.decorator';

/**
 * Global guard for GraphQL resolvers and field resolvers (fieldResolverEnhancers: ['guards']):
 * the caller must be one of the kinds the resolver admits. Other contexts (health over HTTP) are
 * left to the platform's ApiKeyGuard.
 */
@Injectable()
export class ViewerAccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const principal = GqlExecutionContext.create(context).getContext<GraphqlContext>().principal;
    if (!principal) throw unauthenticated('Authentication required.');
    if (principal.isAdmin()) return true;
    const allowed = this.reflector.getAllAndOverride<ViewerKind[] | undefined>(ALLOW_VIEWERS, [context.getHandler(), context.getClass()]) ?? [];
    const kinds = principal.kinds();
    if (allowed.some((kind) => kinds.has(kind))) return true;
    throw forbidden(`Your credential (${principal.id}) may not use this field.`);
  }
}
