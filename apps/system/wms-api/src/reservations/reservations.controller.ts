import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateReservationBatchInput,
  CreateReservationInput,
  decodeOffsetCursor,
  encodeOffsetCursor,
  InvalidCursorError,
  Reservation,
  ReservationBatch,
} from '@plantsync/canonical';
import { ReservationPage, ReservationsQueryDto } from './reservations.query';
import {
  type CallContext,
  ConnectorRegistry,
  PostingContext,
  requestCallContext,
} from '@plantsync/connectors';
import { Allow, PlantParam, PostingRoute, ProblemException } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/** Reservations of unrestricted stock in a plant's WMS (e.g. a production order's components). */
@ApiTags('reservations')
@Controller('v1/plants/:plant/reservations')
@Allow('planner', 'service')
@PlantParam()
export class ReservationsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @PostingRoute({
    summary: 'Reserve stock',
    description:
      'Refused with 409 insufficient-stock (naming item, requested and available) when available-to-promise does not cover it.',
    status: 201,
    response: Reservation,
    conflict: 'insufficient-stock',
  })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateReservationInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<Reservation> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry.wms(plant).createReservation(ctx, input);
  }

  @Post('batch')
  @PostingRoute({
    summary: 'Reserve several items for one reference, all or none',
    description:
      'One WMS transaction: every line is reserved, or none is. The first line available-to-promise does not cover refuses the whole batch with 409 insufficient-stock naming that item, its requested and available quantities. Answers the reservations in the order of the lines. With the same Idempotency-Key a repeat gets the first answer back and reserves nothing more.',
    status: 201,
    response: ReservationBatch,
    conflict: 'insufficient-stock',
  })
  async createBatch(
    @Param('plant') plant: string,
    @Body() input: CreateReservationBatchInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<ReservationBatch> {
    input.lines.forEach((line, i) => assertPositiveQuantity(`lines.${i}.quantity`, line.quantity));
    return { reservations: await this.registry.wms(plant).createReservations(ctx, input) };
  }

  @Get()
  @ApiOperation({
    summary:
      'Reservations by status and item, ordered by id (e.g. open ones, to check against their orders)',
  })
  @ApiOkResponse({ type: ReservationPage })
  async list(
    @Param('plant') plant: string,
    @Query() query: ReservationsQueryDto,
  ): Promise<ReservationPage> {
    const offset = offsetOf(query.cursor);
    const limit = query.limit ?? 50;
    // The WMS contract answers reservations unpaged; the API pages them so responses stay bounded.
    const all = await this.registry
      .wms(plant)
      .listReservations(requestCallContext('wms-api'), { status: query.status, item: query.item });
    return {
      items: all.slice(offset, offset + limit),
      nextCursor: offset + limit < all.length ? encodeOffsetCursor(offset + limit) : null,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A reservation' })
  @ApiOkResponse({ type: Reservation })
  async get(@Param('plant') plant: string, @Param('id') id: string): Promise<Reservation> {
    return this.registry.wms(plant).getReservation(requestCallContext('wms-api'), id);
  }

  @Post(':id/cancel')
  @PostingRoute({
    summary: 'Cancel a reservation; its quantity is available again',
    status: 200,
    response: Reservation,
  })
  async cancel(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<Reservation> {
    return this.registry.wms(plant).cancelReservation(ctx, id);
  }
}

function offsetOf(cursor: string | undefined): number {
  try {
    return decodeOffsetCursor(cursor);
  } catch (e) {
    if (!(e instanceof InvalidCursorError)) throw e;
    throw new ProblemException({
      status: 400,
      code: 'validation-failed',
      title: 'Request validation failed',
      detail: '1 field(s) are invalid.',
      extensions: { errors: [{ field: 'cursor', message: e.message }] },
    });
  }
}
