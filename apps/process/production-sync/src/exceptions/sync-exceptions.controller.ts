import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allow } from '@plantsync/platform';
import { IsOptional, Matches } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { OrderCursor } from '../sequencing/order-cursor.entity';
import { SyncException } from './sync-exception.entity';

export class SyncExceptionQuery {
  @ApiPropertyOptional({ example: 'P100' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/)
  plant?: string;

  @ApiPropertyOptional({ example: 'MO-P200-0001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._/-]{1,64}$/)
  productionOrder?: string;
}

export class SyncExceptionView {
  @ApiProperty({ example: 'P200/MO-P200-0001/gap-2' }) id!: string;
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 'MO-P200-0001' }) productionOrder!: string;
  @ApiProperty({ enum: ['sequence-gap'] }) kind!: string;
  @ApiProperty({ type: [Number], example: [2, 3] }) missingSequences!: number[];
  @ApiProperty({ type: [Number], example: [4] }) waitingSequences!: number[];
  @ApiProperty({ enum: ['open', 'closed'], description: 'closed once the order has posted past the gap (the MES resent the missing numbers)' })
  status!: 'open' | 'closed';
  @ApiProperty() detail!: string;
  @ApiProperty() openedAt!: string;
}

export class SyncExceptionList {
  @ApiProperty({ type: [SyncExceptionView] }) items!: SyncExceptionView[];
}

const numbers = (csv: string) => (csv ? csv.split(',').map(Number) : []);

/** Gaps in the MES' sequence that stayed open too long: confirmations wait behind them, unposted. */
@ApiTags('production-sync')
@Controller('v1/production-sync/exceptions')
export class SyncExceptionsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Allow('planner', 'service', 'admin')
  @ApiOperation({ summary: 'Open production-sync exceptions (sequence gaps), newest first, at most 500' })
  @ApiOkResponse({ type: SyncExceptionList })
  async list(@Query() query: SyncExceptionQuery): Promise<SyncExceptionList> {
    const rows = await this.dataSource.getRepository(SyncException).find({
      where: { ...(query.plant ? { plant: query.plant } : {}), ...(query.productionOrder ? { productionOrder: query.productionOrder } : {}) },
      order: { openedAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    // Closed is derived, not stored: the gap is closed once the order's cursor has moved past its first missing number.
    const cursors = rows.length
      ? await this.dataSource.getRepository(OrderCursor).findBy({ id: In([...new Set(rows.map((r) => `${r.plant}/${r.productionOrder}`))]) })
      : [];
    const next = new Map(cursors.map((c) => [c.id, c.nextSequence]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        plant: r.plant,
        productionOrder: r.productionOrder,
        kind: r.kind,
        missingSequences: numbers(r.missingSequences),
        waitingSequences: numbers(r.waitingSequences),
        status: (next.get(`${r.plant}/${r.productionOrder}`) ?? 0) > (numbers(r.missingSequences)[0] ?? 0) ? 'closed' : 'open',
        detail: r.detail,
        openedAt: new Date(r.openedAt).toISOString(),
      })),
    };
  }
}
