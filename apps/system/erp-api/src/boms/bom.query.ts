import { ApiPropertyOptional } from '@nestjs/swagger';
import { DECIMAL_PATTERN } from '@plantsync/canonical';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class BomQuery {
  @ApiPropertyOptional({
    example: '2026-11-02',
    description: "Effective on this day; default today in the plant's time zone",
  })
  @IsOptional()
  @Matches(DATE, { message: 'at must be a date YYYY-MM-DD' })
  at?: string;
}

export class BomExplosionQuery extends BomQuery {
  @ApiPropertyOptional({
    example: '250',
    default: '1',
    description: 'Quantity of the item to build (decimal string)',
  })
  @IsOptional()
  @Matches(DECIMAL_PATTERN, { message: 'quantity must be a decimal such as "250" or "12.5"' })
  quantity?: string;

  @ApiPropertyOptional({
    example: 'EA',
    description: "Unit of quantity; default the item's base unit",
  })
  @IsOptional()
  @IsString()
  @Length(1, 12)
  unit?: string;
}
