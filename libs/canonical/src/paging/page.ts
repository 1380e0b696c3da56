import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Cursor pagination: the cursor is opaque to clients. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Query parameters of a paged listing whose pages hold at most `maxLimit` items (default page 50).
 * A function, not one class, because class-validator merges a subclass's `@Max` with its parent's
 * instead of replacing it.
 */
export function pageQueryOf(maxLimit: number) {
  class PageQueryOf {
    @ApiPropertyOptional({ default: 50, minimum: 1, maximum: maxLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit?: number;

    @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
    @IsOptional()
    @IsString()
    @Length(1, 512)
    cursor?: string;
  }
  return PageQueryOf;
}

/** Pages of at most 200 items: every listing an app or a person reads. */
export class PageQuery extends pageQueryOf(200) {}

/**
 * Pages of at most 1,000: stock balances, which reconciliation reads whole, a plant's every
 * balance at a time (up to millions; one round trip per page is what bounds its pace).
 */
export class StockPageQuery extends pageQueryOf(1000) {}

/** Offset cursors encoded opaquely; connectors whose backend pages by offset use these. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError(cursor);
}

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super('cursor is not one this API issued');
  }
}
