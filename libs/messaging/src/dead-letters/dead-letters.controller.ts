import { Body, Controller, Get, HttpCode, Logger, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Actor, Allow, Idempotent } from '@plantsync/platform';
import { DeadLetterService } from './dead-letter.service';
import { DiscardDto, ListDeadLettersQueryDto, ReplayManyDto, toDeadLetterView } from './dead-letter.dto';

/**
 * Operators inspect, replay and discard dead letters: admin, and the service role for the
 * graphql-api's dashboard, which lets only admins replay or discard and names them in
 * X-Acting-For (recorded in the discard reason and the log).
 */
@Controller('v1/dead-letters')
export class DeadLettersController {
  private readonly logger = new Logger('DeadLetters');

  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @Allow('admin', 'service')
  async list(@Query() query: ListDeadLettersQueryDto) {
    const { cursor, limit, ...filter } = query;
    const page = await this.deadLetters.list(filter, { cursor, limit });
    return { items: page.items.map(toDeadLetterView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Allow('admin', 'service')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return toDeadLetterView(await this.deadLetters.get(id));
  }

  /** Replays every open dead letter matching the filter. */
  @Post('replay')
  @HttpCode(202)
  @Allow('admin', 'service')
  @Idempotent()
  async replayMany(@Body() body: ReplayManyDto, @Actor() actor: string) {
    const result = await this.deadLetters.replayMany(body.filter);
    this.logger.log({ actor, filter: body.filter, replayed: result.replayed.length, failed: result.failed.length }, 'dead letters replayed');
    return result;
  }

  @Post(':id/replay')
  @HttpCode(202)
  @Allow('admin', 'service')
  @Idempotent()
  async replay(@Param('id', ParseUUIDPipe) id: string, @Actor() actor: string) {
    const result = await this.deadLetters.replay(id);
    this.logger.log({ actor, deadLetter: id, jobId: result.jobId }, 'dead letter replayed');
    return result;
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Allow('admin', 'service')
  @Idempotent()
  async discard(@Param('id', ParseUUIDPipe) id: string, @Body() body: DiscardDto, @Actor() actor: string) {
    return toDeadLetterView(await this.deadLetters.discard(id, `${body.reason} (by ${actor})`));
  }
}
