import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsString, Length, ValidateNested } from 'class-validator';
import { CreateReservationInput, Reservation } from './inventory';

/**
 * One demand of a reservation batch: a single reservation's input without its reference (the
 * batch names it once). OmitType keeps the validators and the OpenAPI schema of the fields.
 */
export class ReservationBatchLine extends OmitType(CreateReservationInput, ['reference'] as const) {}

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
