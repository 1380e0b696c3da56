import { ApiProperty } from '@nestjs/swagger';
import { Availability, CODE_PATTERN } from '@plantsync/canonical';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

/** At most this many items per call: a BOM's leaves, with room to spare, and a bounded URL. */
export const MAX_AVAILABILITY_ITEMS = 200;

export class AvailabilityBatchQueryDto {
  @ApiProperty({
    type: String,
    example: 'BRKT-1042,SCRW-M6-20',
    description: `Comma-separated item codes (1–${MAX_AVAILABILITY_ITEMS}); a repeated code is answered once`,
  })
  // `a,b,a` → ['a', 'b']: one answer per distinct item.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? [...new Set(value.split(',').map((s) => s.trim()))] : value,
  )
  @IsArray({ message: 'items must be comma-separated item codes' })
  @ArrayMinSize(1, { message: 'items must name at least one item' })
  @ArrayMaxSize(MAX_AVAILABILITY_ITEMS, { message: `items must name at most ${MAX_AVAILABILITY_ITEMS} items` })
  @Matches(CODE_PATTERN, { each: true, message: 'items must be item codes such as BRKT-1042' })
  items!: string[];
}

/** The availability of every requested item, in the order asked. */
export class AvailabilityBatch {
  @ApiProperty({ type: [Availability] }) items!: Availability[];
}
