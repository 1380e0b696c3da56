import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Like the product it stands in for, the MES refuses calls without a credential
 * (`Authorization: Bearer <token>`); any non-empty token is accepted.
 */
@Injectable()
export class MesCredentialGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('MES credential missing: send Authorization: Bearer <token>');
    return true;
  }
}
