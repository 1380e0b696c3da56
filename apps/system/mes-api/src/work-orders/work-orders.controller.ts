import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { WorkOrder } from '@plantsync/canonical';
import { ConnectorRegistry, type CallContext } from '@plantsync/connectors';
import {
  Allow,
  currentCorrelationId,
  Idempotent,
  PlantParam,
  ProblemException,
  IdempotencyKey,
} from '@plantsync/platform';
import { DispatchWorkOrderDto } from './dispatch-work-order.dto';
import { WorkOrdersQuery } from './work-orders.query';

/** Work orders in a plant's MES, through the plant's MES connector (B2MML for the demo plants). */
@ApiTags('work-orders')
@ApiExtraModels(WorkOrder)
@Controller('v1/plants/:plant/work-orders')
@Allow('planner', 'service')
@PlantParam()
export class WorkOrdersController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Dispatch a production order to the MES as a work order (idempotent per order)',
  })
  @ApiCreatedResponse({ type: WorkOrder })
  async dispatch(
    @Param('plant') plant: string,
    @Body() dto: DispatchWorkOrderDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<WorkOrder> {
    if (Date.parse(dto.plannedEnd) < Date.parse(dto.plannedStart)) {
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'Request validation failed',
        detail: '1 field(s) are invalid.',
        extensions: {
          errors: [{ field: 'plannedEnd', message: 'plannedEnd must not be before plannedStart' }],
        },
      });
    }
    const mes = this.registry.mes(plant);
    // The MES gets a key derived from the caller's, or from the order itself: a retry never dispatches twice.
    const ctx: CallContext = {
      correlationId: currentCorrelationId(),
      idempotencyKey: idempotencyKey
        ? `mes-api:dispatch:${plant}:${idempotencyKey}`
        : `mes-api:dispatch:${plant}:${dto.number}`,
    };
    return mes.dispatchWorkOrder(ctx, dto);
  }

  @Get()
  @ApiOperation({
    summary: "Every work order the plant's MES holds, ordered by production order number",
    description:
      'B2MML: one GetProductionSchedule selecting the site by HierarchyScope. The MES answers in one document, so the list is not paged.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { items: { type: 'array', items: { $ref: getSchemaPath(WorkOrder) } } },
      required: ['items'],
    },
  })
  async list(
    @Param('plant') plant: string,
    @Query() query: WorkOrdersQuery,
  ): Promise<{ items: WorkOrder[] }> {
    const items = await this.registry
      .mes(plant)
      .listWorkOrders({ correlationId: currentCorrelationId() }, { status: query.status });
    return { items };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A work order as the MES reports it (status, produced and scrap quantities)',
  })
  @ApiOkResponse({ type: WorkOrder })
  async get(@Param('plant') plant: string, @Param('id') id: string): Promise<WorkOrder> {
    return this.registry.mes(plant).getWorkOrder({ correlationId: currentCorrelationId() }, id);
  }
}
