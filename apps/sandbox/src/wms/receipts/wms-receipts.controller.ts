import { Body, Controller, HttpCode, Inject, Param, Post, Req, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CreateReceiptDto } from '../dto/wms-requests.dto';
import { WmsBearerGuard } from '../http/wms-bearer.guard';
import { WmsCorrelationInterceptor } from '../http/wms-correlation.interceptor';
import { WmsProblemFilter } from '../http/wms-problem.filter';
import { wmsValidationPipe } from '../http/wms-validation.pipe';
import { WmsReceiptsService } from './wms-receipts.service';

/** POST /v1/receipts of the WMS contract. */
@Controller('plants/:plant/wms/v1/receipts')
@UseGuards(WmsBearerGuard)
@UseFilters(WmsProblemFilter)
@UseInterceptors(WmsCorrelationInterceptor)
@UsePipes(wmsValidationPipe)
export class WmsReceiptsController {
  constructor(@Inject(WmsReceiptsService) private readonly receipts: WmsReceiptsService) {}

  @Post()
  @HttpCode(201)
  create(@Req() req: FastifyRequest, @Param('plant') plant: string, @Body() body: CreateReceiptDto) {
    return this.receipts.create(req, plant, body);
  }
}
