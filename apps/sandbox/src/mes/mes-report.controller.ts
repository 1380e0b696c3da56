import { Body, Controller, HttpCode, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminTokenGuard } from '../core/http/admin-token.guard';
import { MesReportingService, type ReportInput, type ReportOutcome } from './mes-reporting.service';

/**
 * Drives the simulated shop floor: "the line reported N good and M scrap on this work order".
 * The MES then reports it to the MES system API as a plant MES would. 202 when the system API
 * accepted it; 502 (same body) when it did not — send the same `sequence` again to resend.
 */
@Controller('admin/mes/:plant/work-orders/:id/report')
@UseGuards(AdminTokenGuard)
export class MesReportController {
  constructor(@Inject(MesReportingService) private readonly reporting: MesReportingService) {}

  @Post()
  @HttpCode(202)
  async report(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportOutcome> {
    const input: ReportInput = {
      yield: asDecimalString(body?.yield) as string,
      scrap: asDecimalString(body?.scrap ?? '0') as string,
      final: body?.final as boolean,
      sequence: body?.sequence as number | undefined,
      scrapReason: typeof body?.scrapReason === 'string' ? body.scrapReason : undefined,
      lot: typeof body?.lot === 'string' ? body.lot : undefined,
    };
    const outcome = await this.reporting.report(plant, id, input);
    if (!outcome.delivered) void reply.code(502);
    return outcome;
  }
}

/** Load drivers may send plain integers; anything else is left for validation to refuse. */
function asDecimalString(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
}
