import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { wmsProblems } from './wms-problem';

/**
 * `Authorization: Bearer <token>` on every call. Like a real product's sandbox tenant it accepts
 * any non-empty token but refuses a missing one, so a connector without credentials fails here.
 */
@Injectable()
export class WmsBearerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const auth = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    if (!/^Bearer\s+\S+/i.test(auth)) throw wmsProblems.unauthorized();
    return true;
  }
}
