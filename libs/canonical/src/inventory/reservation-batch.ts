import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Quantity } from '../quantity/quantity';
import { CODE_PATTERN, Reservation } from './inventory';

/** One demand of a reservation batch; the batch names the warehouse's plant and the reference. */
export class ReservationBatchLine {
  @ApiProperty({ example: 'BRKT-1042' })
  @Matches(CODE_PATTERN)
  item!: string;

  @ApiProperty({ type: Quantity })
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;

  @ApiPropertyOptional({ example: 'P100-RM' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  location?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE_PATTERN)
  lot?: string;
}

/** Several reservations for one reference (a production order's components), made all or none. */
export class CreateReservationBatchInput {
  @ApiProperty({ example: 'MO-P100-0003', description: 'What holds every reservation of the batch' })
  @IsString()
  @Length(1, 64)
  reference!: string;

  @ApiProperty({ type: [ReservationBatchLine] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReservationBatchLine)
  lines!: ReservationBatchLine[];
}

/** The reservations of a batch, in the order of its lines. */
export class ReservationBatch {
  @ApiProperty({ type: [Reservation] }) reservations!: Reservation[];
}
