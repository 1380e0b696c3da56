import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../sandbox.options';

/**
 * Admin endpoints are open by default (the sandbox binds to 127.0.0.1). When
 * SANDBOX_ADMIN_TOKEN is set they require `X-Admin-Token: <token>` or `Authorization: Bearer <token>`.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.options.adminToken;
    if (!expected) return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const auth = req.headers.authorization;
    const given =
      (req.headers['x-admin-token'] as string | undefined) ??
      (auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined);
    if (given && sameSecret(given, expected)) return true;
    throw new UnauthorizedException('admin token missing or wrong');
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
