import { Body, Controller, HttpCode, Inject, Param, Post, Req, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WmsBearerGuard } from '../http/wms-bearer.guard';
import { WmsCorrelationInterceptor } from '../http/wms-correlation.interceptor';
import { WmsProblemFilter } from '../http/wms-problem.filter';
import { wmsValidationPipe } from '../http/wms-validation.pipe';
import { CreateGoodsIssueDto } from './create-goods-issue.dto';
import { WmsGoodsIssuesService } from './wms-goods-issues.service';

/** POST /v1/goods-issues of the WMS contract. */
@Controller('plants/:plant/wms/v1/goods-issues')
@UseGuards(WmsBearerGuard)
@UseFilters(WmsProblemFilter)
@UseInterceptors(WmsCorrelationInterceptor)
@UsePipes(wmsValidationPipe)
export class WmsGoodsIssuesController {
  constructor(@Inject(WmsGoodsIssuesService) private readonly issues: WmsGoodsIssuesService) {}

  @Post()
  @HttpCode(201)
  create(@Req() req: FastifyRequest, @Param('plant') plant: string, @Body() body: CreateGoodsIssueDto) {
    return this.issues.create(req, plant, body);
  }
}
