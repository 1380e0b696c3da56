import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '../core';
import { MesCredentialGuard } from './mes-credential.guard';
import { MesSimulatorService } from './mes-simulator.service';
import { InvalidB2mmlFilter } from './invalid-b2mml.filter';

/**
 * The plant MES' B2MML endpoint (V0600). Bodies and answers are XML; errors are `{ error }`
 * JSON like the rest of the sandbox. Faults apply here (the route is under /plants/:plant/mes).
 */
@Controller('plants/:plant/mes/b2mml/production-schedules')
@UseGuards(MesCredentialGuard)
@UseFilters(InvalidB2mmlFilter)
export class ProductionScheduleController {
  constructor(@Inject(MesSimulatorService) private readonly mes: MesSimulatorService) {}

  /** ProcessProductionSchedule → AcknowledgeProductionSchedule. Honours Idempotency-Key. */
  @Post()
  @HttpCode(200)
  @Header('content-type', 'application/xml; charset=utf-8')
  process(@Req() req: FastifyRequest, @Body() body: unknown): string {
    return this.mes.processSchedule(requestContext(req), body).xml;
  }

  /** GetProductionSchedule → ShowProductionSchedule (the B2MML way to ask for status). */
  @Post('get')
  @HttpCode(200)
  @Header('content-type', 'application/xml; charset=utf-8')
  get(@Param('plant') plant: string, @Body() body: unknown): string {
    return this.mes.getSchedule(plant, body);
  }

  /** The same ShowProductionSchedule by plain GET, for people and scripts. */
  @Get(':id')
  @Header('content-type', 'application/xml; charset=utf-8')
  show(@Param('plant') plant: string, @Param('id') id: string): string {
    if (!id) throw new BadRequestException('work order id missing');
    return this.mes.show(plant, [id]);
  }
}


