import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, currentCorrelationId, Idempotent } from '@plantsync/platform';
import type { FastifyReply } from 'fastify';
import { ReconciliationRunsService } from './reconciliation-runs.service';
import {
  ListReconciliationRunsQuery,
  ReconciliationRunDetailView,
  ReconciliationRunView,
  StartReconciliationRunDto,
} from './reconciliation-run.view';

@ApiTags('reconciliation-runs')
@Controller('v1/reconciliation-runs')
@Allow('planner', 'service', 'admin')
export class ReconciliationRunsController {
  constructor(@Inject(ReconciliationRunsService) private readonly runs: ReconciliationRunsService) {}

  @Post()
  @HttpCode(202)
  @Idempotent({ required: true })
  @ApiOperation({
    summary: 'Reconcile now: compare ERP and WMS stock (inventory), ERP production orders and MES work orders (orders) or WMS and MES items with the ERP item masters (master_data) of one plant or all, classify and act on differences',
    description: 'Accepted at once; follow the run at the Location. The same Idempotency-Key again answers the same run.',
  })
  @ApiAcceptedResponse({ type: ReconciliationRunView })
  @ApiBadRequestResponse({ description: 'validation-failed, idempotency-key-required' })
  @ApiNotFoundResponse({ description: 'plant-not-found' })
  async start(@Body() body: StartReconciliationRunDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReconciliationRunView> {
    const run = await this.runs.start(body, 'on_demand', currentCorrelationId() ?? 'reconciliation');
    reply.header('Location', `/v1/reconciliation-runs/${run.id}`);
    return run;
  }

  @Get()
  @ApiOperation({ summary: 'Reconciliation runs, newest first' })
  @ApiOkResponse({ type: [ReconciliationRunView] })
  list(@Query() query: ListReconciliationRunsQuery): Promise<ReconciliationRunView[]> {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A run: scope, counts, every difference (first 1,000) and what was done about it' })
  @ApiOkResponse({ type: ReconciliationRunDetailView })
  @ApiNotFoundResponse({ description: 'reconciliation-run-not-found' })
  get(@Param('id', new ParseUUIDPipe({ version: undefined })) id: string): Promise<ReconciliationRunDetailView> {
    return this.runs.get(id);
  }
}
