import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, Allow, Idempotent, ProblemException } from '@plantsync/platform';
import { SagaAlreadyActiveError, SagaNotFoundError, SagaRunner, SagaStateError, type SagaView } from '@plantsync/saga';
import type { FastifyReply } from 'fastify';
import { EventTypes } from '@plantsync/messaging';
import type { OrderReleaseContext } from '../saga/order-release.context';
import { CreateOrderReleaseDto, RejectOrderReleaseDto } from './create-order-release.dto';
import { CancelOrderReleaseQuery, ListOrderReleasesQuery } from './order-release-query.dto';
import { OrderReleasePage, OrderReleaseView, toOrderReleaseView } from './order-release.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const location = (id: string) => `/v1/order-releases/${id}`;

/**
 * Order releases: a planner (or a service) asks to release a production order; the saga runs it
 * step by step in the worker; the planner follows it, approves or rejects a shortage, or cancels.
 */
@ApiTags('order-releases')
@Controller('v1/order-releases')
export class OrderReleasesController {
  constructor(@Inject(SagaRunner) private readonly sagas: SagaRunner<OrderReleaseContext>) {}

  @Post()
  @HttpCode(202)
  @Idempotent({ required: true })
  @Allow('planner', 'service', 'admin')
  @ApiOperation({
    summary: 'Release a production order to the shop floor',
    description:
      'Starts the release saga and answers at once with its Location. One release per production order at a time: a second one while the first is active is 409 naming it.',
  })
  @ApiAcceptedResponse({ type: OrderReleaseView, headers: { Location: { description: '/v1/order-releases/<id>', schema: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'order-release-active (names activeRelease), or idempotency-key-in-flight' })
  async create(
    @Body() body: CreateOrderReleaseDto,
    @Actor() actor: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderReleaseView> {
    const businessKey = `${body.plant}/${body.productionOrderId}`;
    const context: OrderReleaseContext = { plant: body.plant, productionOrder: body.productionOrderId, requestedBy: actor };
    try {
      const saga = await this.sagas.start({
        businessKey,
        context,
        events: ({ tools }) => [
          tools.event(EventTypes.ProductionOrderReleaseRequested, {
            plant: body.plant,
            productionOrder: body.productionOrderId,
            requestedBy: actor,
          }),
        ],
      });
      reply.header('location', location(saga.id));
      return toOrderReleaseView(saga);
    } catch (e) {
      if (e instanceof SagaAlreadyActiveError)
        throw new ProblemException({
          status: 409,
          code: 'order-release-active',
          title: 'A release of this production order is already in flight',
          detail: `Release ${e.activeSagaId} of ${body.productionOrderId} at ${body.plant} is still active; follow it at ${location(e.activeSagaId)}.`,
          extensions: { activeRelease: e.activeSagaId, activeReleaseLocation: location(e.activeSagaId) },
        });
      throw e;
    }
  }

  @Get()
  @Allow('planner', 'service', 'admin')
  @ApiOperation({ summary: 'Releases, newest first, filtered by plant, status and production order' })
  @ApiOkResponse({ type: OrderReleasePage })
  async list(@Query() query: ListOrderReleasesQuery): Promise<OrderReleasePage> {
    const sagas = await this.sagas.list({
      status: query.status,
      limit: query.limit ?? 50,
      ...(query.plant && query.productionOrder
        ? { businessKey: `${query.plant}/${query.productionOrder}` }
        : query.plant
          ? { businessKeyPrefix: `${query.plant}/` }
          : {}),
    });
    const items = sagas.map(toOrderReleaseView).filter((v) => !query.productionOrder || v.productionOrder === query.productionOrder);
    return { items };
  }

  @Get(':id')
  @Allow('planner', 'service', 'admin')
  @ApiOperation({ summary: 'A release: its state, every step with timestamps, shortages, reservations, compensations' })
  @ApiOkResponse({ type: OrderReleaseView })
  @ApiNotFoundResponse({ description: 'order-release-not-found' })
  get(@Param('id') id: string): Promise<OrderReleaseView> {
    return this.answer(id, () => this.sagas.get(id));
  }

  @Delete(':id')
  @HttpCode(202)
  @Allow('planner', 'service', 'admin') // service: the graphql-api, naming the planner in X-Acting-For
  @ApiOperation({
    summary: 'Cancel a release in flight',
    description:
      'Waiting for approval: compensates at once. Running: honoured before the next step, then compensates and ends cancelled. 409 once it completed, failed or is already compensating.',
  })
  @ApiAcceptedResponse({ type: OrderReleaseView })
  @ApiConflictResponse({ description: 'order-release-state-conflict' })
  cancel(@Param('id') id: string, @Query() query: CancelOrderReleaseQuery, @Actor() actor: string): Promise<OrderReleaseView> {
    // Who cancelled is part of the recorded reason (shown as cancelReason and in the failure).
    return this.answer(id, () => this.sagas.cancel(id, query.reason ? `${query.reason} (by ${actor})` : `cancelled by ${actor}`));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Allow('planner', 'service', 'admin') // service: the graphql-api, naming the planner in X-Acting-For
  @ApiOperation({ summary: 'Release anyway despite the shortage (only while awaiting_approval)' })
  @ApiOkResponse({ type: OrderReleaseView })
  @ApiConflictResponse({ description: 'order-release-state-conflict' })
  approve(@Param('id') id: string, @Actor() actor: string): Promise<OrderReleaseView> {
    return this.answer(id, () => this.sagas.approve(id, actor));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Allow('planner', 'service', 'admin') // service: the graphql-api, naming the planner in X-Acting-For
  @ApiOperation({ summary: 'Do not release: compensates and ends failed (only while awaiting_approval)' })
  @ApiOkResponse({ type: OrderReleaseView })
  @ApiConflictResponse({ description: 'order-release-state-conflict' })
  reject(@Param('id') id: string, @Body() body: RejectOrderReleaseDto, @Actor() actor: string): Promise<OrderReleaseView> {
    return this.answer(id, () => this.sagas.reject(id, actor, body.reason));
  }

  private async answer(id: string, fn: () => Promise<SagaView<OrderReleaseContext>>): Promise<OrderReleaseView> {
    if (!UUID.test(id)) throw notFound(id);
    try {
      return toOrderReleaseView(await fn());
    } catch (e) {
      if (e instanceof SagaNotFoundError) throw notFound(id);
      if (e instanceof SagaStateError)
        throw new ProblemException({
          status: 409,
          code: 'order-release-state-conflict',
          title: 'The release is not in a state that allows this',
          detail: `Release ${id} is ${e.status}.`,
          extensions: { status: e.status },
        });
      throw e;
    }
  }
}

function notFound(id: string): ProblemException {
  return new ProblemException({
    status: 404,
    code: 'order-release-not-found',
    title: 'Order release not found',
    detail: `There is no order release ${id}.`,
  });
}
