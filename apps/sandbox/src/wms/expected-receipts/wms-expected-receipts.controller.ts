import { Body, Controller, HttpCode, Inject, Param, Post, Req, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WmsBearerGuard } from '../http/wms-bearer.guard';
import { WmsCorrelationInterceptor } from '../http/wms-correlation.interceptor';
import { WmsProblemFilter } from '../http/wms-problem.filter';
import { wmsValidationPipe } from '../http/wms-validation.pipe';
import { CreateExpectedReceiptDto } from './expected-receipt.dto';
import { WmsExpectedReceiptsService } from './wms-expected-receipts.service';

/** POST /v1/expected-receipts of the WMS contract. */
@Controller('plants/:plant/wms/v1/expected-receipts')
@UseGuards(WmsBearerGuard)
@UseFilters(WmsProblemFilter)
@UseInterceptors(WmsCorrelationInterceptor)
@UsePipes(wmsValidationPipe)
export class WmsExpectedReceiptsController {
  constructor(@Inject(WmsExpectedReceiptsService) private readonly expected: WmsExpectedReceiptsService) {}

  @Post()
  @HttpCode(201)
  create(@Req() req: FastifyRequest, @Param('plant') plant: string, @Body() body: CreateExpectedReceiptDto) {
    return this.expected.create(req, plant, body);
  }
}
