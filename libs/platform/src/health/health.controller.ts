import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/allow.decorator';
import { HealthCheckResult, HealthRegistry } from './health.registry';

/**
 * Liveness and readiness for orchestrators. A small controller rather than @nestjs/terminus:
 * our checks are plain async functions and the body shape is ours.
 */
@ApiExcludeController()
@Allow('public')
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: 'up' | 'down'; checks: HealthCheckResult[] }> {
    const checks = await this.registry.runAll();
    const up = checks.every((c) => c.status === 'up');
    reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }
}
