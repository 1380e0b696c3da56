import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateOrderReleaseDto {
  @ApiProperty({ example: 'P100', description: 'Plant code' })
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant!: string;

  @ApiProperty({ example: 'MO-P100-0003', description: 'Production order number (or ERP id) at the plant' })
  @IsString()
  @Length(1, 64)
  productionOrderId!: string;
}

export class RejectOrderReleaseDto {
  @ApiProperty({ example: 'SEAL-2535 will not arrive before the planned start; rescheduling', description: 'Why the planner rejects' })
  @IsString()
  @Length(1, 400)
  reason!: string;
}
