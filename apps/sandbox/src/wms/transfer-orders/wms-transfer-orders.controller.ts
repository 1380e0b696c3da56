import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CreateTransferOrderDto, ReceiveTransferOrderDto } from '../dto/wms-requests.dto';
import { WmsBearerGuard } from '../http/wms-bearer.guard';
import { WmsCorrelationInterceptor } from '../http/wms-correlation.interceptor';
import { WmsProblemFilter } from '../http/wms-problem.filter';
import { wmsValidationPipe } from '../http/wms-validation.pipe';
import { WmsTransferOrdersService } from './wms-transfer-orders.service';

/** /v1/transfer-orders of the WMS contract. */
@Controller('plants/:plant/wms/v1/transfer-orders')
@UseGuards(WmsBearerGuard)
@UseFilters(WmsProblemFilter)
@UseInterceptors(WmsCorrelationInterceptor)
@UsePipes(wmsValidationPipe)
export class WmsTransferOrdersController {
  constructor(@Inject(WmsTransferOrdersService) private readonly orders: WmsTransferOrdersService) {}

  @Post()
  @HttpCode(201)
  create(@Req() req: FastifyRequest, @Param('plant') plant: string, @Body() body: CreateTransferOrderDto) {
    return this.orders.create(req, plant, body);
  }

  @Get(':id')
  get(@Param('plant') plant: string, @Param('id') id: string) {
    return this.orders.get(plant, id);
  }

  @Post(':id/pick')
  @HttpCode(200)
  pick(@Req() req: FastifyRequest, @Param('plant') plant: string, @Param('id') id: string) {
    return this.orders.pick(req, plant, id);
  }

  @Post(':id/ship')
  @HttpCode(200)
  ship(@Req() req: FastifyRequest, @Param('plant') plant: string, @Param('id') id: string) {
    return this.orders.ship(req, plant, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Req() req: FastifyRequest, @Param('plant') plant: string, @Param('id') id: string) {
    return this.orders.cancel(req, plant, id);
  }

  @Post(':id/receive')
  @HttpCode(200)
  receive(@Req() req: FastifyRequest, @Param('plant') plant: string, @Param('id') id: string, @Body() body: ReceiveTransferOrderDto) {
    return this.orders.receive(req, plant, id, body);
  }
}
