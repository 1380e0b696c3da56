import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@plantsync/platform';
import type { FastifyReply } from 'fastify';
import { RecordSyncObservationsDto } from './sync-observation.dto';
import { renderSyncHealthMetrics } from './sync-health.metrics';
import { SyncHealthService } from './sync-health.service';
import { SyncHealthView } from './sync-health.view';

@ApiTags('sync-health')
@Controller()
export class SyncHealthController {
  constructor(@Inject(SyncHealthService) private readonly health: SyncHealthService) {}

  @Get('v1/sync-health')
  @Allow('planner', 'service', 'admin')
  @ApiOperation({ summary: 'Sync health per plant × domain: last sync, lag p50/p95, backlog, failure rate, dead letters, stale flag' })
  @ApiOkResponse({ type: SyncHealthView })
  get(): Promise<SyncHealthView> {
    return this.health.compute();
  }

  @Post('v1/sync-observations')
  @HttpCode(202)
  @Allow('service')
  @ApiOperation({
    summary: 'Process apps report syncs they observed (service key only)',
    description: 'Each observation: plant, domain, business key, outcome, business event time and posting time.',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { recorded: { type: 'integer' } } } })
  record(@Body() body: RecordSyncObservationsDto): Promise<{ recorded: number }> {
    return this.health.record(body);
  }

  /** Prometheus text exposition of the same figures. */
  @Get('metrics')
  @Allow('public')
  @ApiExcludeEndpoint()
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const rendered = renderSyncHealthMetrics(await this.health.compute());
    reply.header('content-type', rendered.contentType);
    return rendered.body;
  }
}
