import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { DECIMAL_PATTERN } from './decimal';

/** A quantity always carries its unit; the value is a decimal string, never a float. */
export class Quantity {
  @ApiProperty({ example: '12.5', pattern: DECIMAL_PATTERN.source, description: 'Decimal string' })
  @Matches(DECIMAL_PATTERN, { message: 'value must be a decimal string such as "12.5"' })
  value!: string;

  @ApiProperty({ example: 'EA', description: 'Unit of measure code' })
  @IsString()
  @Length(1, 12)
  unit!: string;

  static of(value: string, unit: string): Quantity {
    return Object.assign(new Quantity(), { value, unit });
  }
}
