import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CreateReservationBatchDto, CreateReservationDto, ReservationQueryDto } from '../dto/wms-requests.dto';
import { WmsBearerGuard } from '../http/wms-bearer.guard';
import { WmsCorrelationInterceptor } from '../http/wms-correlation.interceptor';
import { WmsProblemFilter } from '../http/wms-problem.filter';
import { wmsValidationPipe } from '../http/wms-validation.pipe';
import { WmsReservationsService } from './wms-reservations.service';

/** /v1/reservations of the WMS contract. */
@Controller('plants/:plant/wms/v1/reservations')
@UseGuards(WmsBearerGuard)
@UseFilters(WmsProblemFilter)
@UseInterceptors(WmsCorrelationInterceptor)
@UsePipes(wmsValidationPipe)
export class WmsReservationsController {
  constructor(@Inject(WmsReservationsService) private readonly reservations: WmsReservationsService) {}

  @Get()
  list(@Param('plant') plant: string, @Query() query: ReservationQueryDto) {
    return { reservations: this.reservations.list(plant, query) };
  }

  @Post()
  @HttpCode(201)
  create(@Req() req: FastifyRequest, @Param('plant') plant: string, @Body() body: CreateReservationDto) {
    return this.reservations.create(req, plant, body);
  }

  @Post('batch')
  @HttpCode(201)
  createBatch(@Req() req: FastifyRequest, @Param('plant') plant: string, @Body() body: CreateReservationBatchDto) {
    return { reservations: this.reservations.createBatch(req, plant, body) };
  }

  @Get(':id')
  get(@Param('plant') plant: string, @Param('id') id: string) {
    return this.reservations.get(plant, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Req() req: FastifyRequest, @Param('plant') plant: string, @Param('id') id: string) {
    return this.reservations.cancel(req, plant, id);
  }
}
