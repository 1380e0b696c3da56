import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Allow, Idempotent } from '@plantsync/platform';
import { DeadLetterService } from './dead-letter.service';
import { DiscardDto, ListDeadLettersQueryDto, ReplayManyDto, toDeadLetterView } from './dead-letter.dto';

/** Operators inspect, replay and discard dead letters. Admin only (routes without @Allow are admin-only). */
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @Allow('admin')
  async list(@Query() query: ListDeadLettersQueryDto) {
    const { cursor, limit, ...filter } = query;
    const page = await this.deadLetters.list(filter, { cursor, limit });
    return { items: page.items.map(toDeadLetterView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Allow('admin')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return toDeadLetterView(await this.deadLetters.get(id));
  }

  /** Replays every open dead letter matching the filter. */
  @Post('replay')
  @HttpCode(202)
  @Allow('admin')
  @Idempotent()
  replayMany(@Body() body: ReplayManyDto) {
    return this.deadLetters.replayMany(body.filter);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @Allow('admin')
  @Idempotent()
  replay(@Param('id', ParseUUIDPipe) id: string) {
    return this.deadLetters.replay(id);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Allow('admin')
  @Idempotent()
  async discard(@Param('id', ParseUUIDPipe) id: string, @Body() body: DiscardDto) {
    return toDeadLetterView(await this.deadLetters.discard(id, body.reason));
  }
}
