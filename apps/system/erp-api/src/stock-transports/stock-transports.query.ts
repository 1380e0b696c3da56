import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class StockTransportsQuery {
  @ApiProperty({
    example: 'TRF-4f1c…',
    description: 'The business process behind the transports (required: lists stay small)',
  })
  @IsString()
  @Length(1, 64)
  reference!: string;
}
