import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export type UnitDimension = 'count' | 'mass' | 'length' | 'volume';

export class UnitOfMeasure {
  @ApiProperty({ example: 'KG' }) code!: string;
  @ApiProperty({ example: 'Kilogram' }) name!: string;
  @ApiProperty({ enum: ['count', 'mass', 'length', 'volume'] }) dimension!: UnitDimension;
}

/** `1 fromUnit = factor toUnit`; item-specific when `item` is set (a BOX of 12 brackets). */
export class UnitConversion {
  @ApiProperty({ example: 'KG' }) fromUnit!: string;
  @ApiProperty({ example: 'G' }) toUnit!: string;
  @ApiProperty({ example: '1000', description: 'Decimal string' }) factor!: string;
  @ApiPropertyOptional({ example: 'BRKT-1042' }) item?: string;
}
