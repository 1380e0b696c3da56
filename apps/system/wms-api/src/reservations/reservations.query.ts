import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN, PageQuery, Reservation, type Page } from '@plantsync/canonical';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ReservationsQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'cancelled', 'consumed'] })
  @IsOptional()
  @IsIn(['open', 'cancelled', 'consumed'])
  status?: 'open' | 'cancelled' | 'consumed';

  @ApiPropertyOptional({ example: 'BRKT-1042' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'item must be an item code such as BRKT-1042' })
  item?: string;
}

/** Page<Reservation> for the OpenAPI document. */
export class ReservationPage implements Page<Reservation> {
  @ApiProperty({ type: [Reservation] }) items!: Reservation[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
