import { ApiPropertyOptional } from '@nestjs/swagger';
import { type ItemType, PageQuery } from '@plantsync/canonical';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export const ITEM_TYPES: readonly ItemType[] = ['finished', 'semi_finished', 'purchased', 'raw'];

export class ItemsQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'bracket',
    description: 'Part of the item code or name (case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES)
  type?: ItemType;
}
