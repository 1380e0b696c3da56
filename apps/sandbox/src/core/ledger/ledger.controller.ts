import { BadRequestException, Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '../http/admin-token.guard';
import { isSandboxSystem } from '../sandbox.options';
import type { LedgerEntry, LedgerFilter } from './ledger-entry';
import { LedgerService } from './ledger.service';

type LedgerQuery = Partial<Record<keyof LedgerFilter, string>>;

/** Read side of the ledger, for tests, fault scenarios and the demo. */
@Controller('admin/ledger')
@UseGuards(AdminTokenGuard)
export class LedgerController {
  constructor(@Inject(LedgerService) private readonly ledger: LedgerService) {}

  @Get()
  list(@Query() query: LedgerQuery): { entries: LedgerEntry[]; count: number } {
    const entries = this.ledger.list(parseLedgerQuery(query, true));
    return { entries, count: entries.length };
  }

  @Get('count')
  count(@Query() query: LedgerQuery): { count: number } {
    return { count: this.ledger.count(parseLedgerQuery(query, false)) };
  }
}

export function parseLedgerQuery(query: LedgerQuery, allowLimit: boolean): LedgerFilter {
  const filter: LedgerFilter = {};
  for (const key of [
    'plant',
    'operation',
    'idempotencyKey',
    'businessKey',
    'correlationId',
  ] as const) {
    const value = query[key];
    if (typeof value === 'string' && value !== '') filter[key] = value;
  }
  if (query.system) {
    if (!isSandboxSystem(query.system))
      throw new BadRequestException('system must be erp, mes or wms');
    filter.system = query.system;
  }
  for (const key of allowLimit ? (['since', 'limit'] as const) : (['since'] as const)) {
    const raw = query[key];
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw)) throw new BadRequestException(`${key} must be a non-negative integer`);
    filter[key] = Number(raw);
  }
  return filter;
}
