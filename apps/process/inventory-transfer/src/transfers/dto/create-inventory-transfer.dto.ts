import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN, Quantity } from '@plantsync/canonical';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

const PLANT_PATTERN = /^[A-Z0-9_-]{1,16}$/;

/** `POST /v1/inventory-transfers`: move a quantity of one item (optionally one lot) between plants. */
export class CreateInventoryTransferDto {
  @ApiProperty({ example: 'BRG-6205' })
  @Matches(CODE_PATTERN, { message: 'item must be an item code such as BRG-6205' })
  item!: string;

  @ApiProperty({ type: Quantity, description: "In the item's stock unit" })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;

  @ApiPropertyOptional({ example: 'L100-260312-07', description: 'Move this lot only; it is carried over to the destination' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  lot?: string;

  @ApiProperty({ example: 'P100' })
  @Matches(PLANT_PATTERN, { message: 'fromPlant must be a plant code such as P100' })
  fromPlant!: string;

  @ApiPropertyOptional({ example: 'P100-RM', description: "Default: the item's default location at the source plant" })
  @IsOptional()
  @Matches(CODE_PATTERN)
  fromLocation?: string;

  @ApiProperty({ example: 'P300' })
  @Matches(PLANT_PATTERN, { message: 'toPlant must be a plant code such as P300' })
  toPlant!: string;

  @ApiPropertyOptional({ example: 'P300-RM', description: "Default: the item's default location at the destination plant" })
  @IsOptional()
  @Matches(CODE_PATTERN)
  toLocation?: string;

  @ApiProperty({ example: 'Cover the bearing shortage on the P300 gearbox line' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

/** `POST /v1/inventory-transfers/:id/receipts`: what arrived at the destination. */
export class RecordTransferReceiptDto {
  @ApiProperty({ type: Quantity, description: 'Partial receipts allowed; more than is still in transit is 409 over-receipt' })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;
}

/** `POST /v1/inventory-transfers/:id/resolution`: a person settled an exception outside Plantsync. */
export class ResolveInventoryTransferDto {
  @ApiProperty({ example: 'Goods issue posted by hand in the P100 ERP (document 4711)' })
  @IsString()
  @Length(1, 500)
  note!: string;
}

export class ListInventoryTransfersQuery {
  @ApiPropertyOptional({ example: 'P300', description: 'Source or destination plant' })
  @IsOptional()
  @Matches(PLANT_PATTERN)
  plant?: string;

  @ApiPropertyOptional({ example: 'in_transit' })
  @IsOptional()
  @IsString()
  status?: string;
}
