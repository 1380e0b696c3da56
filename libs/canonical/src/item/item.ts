import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Quantity } from '../quantity/quantity';

export type ItemType = 'finished' | 'semi_finished' | 'purchased' | 'raw';
export type ProcurementType = 'make' | 'buy';

/** What a plant adds to the global item: how it is procured and stored there. */
export class ItemPlantExtension {
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 14 }) leadTimeDays!: number;
  @ApiPropertyOptional({ example: 'P200-RM' }) defaultLocation?: string;
  @ApiProperty({ enum: ['make', 'buy'] }) procurementType!: ProcurementType;
  @ApiPropertyOptional({ example: '5', description: 'Scrap above this percentage raises a quality hold' })
  scrapThresholdPercent?: string;
}

export class Item {
  @ApiProperty({ example: 'BRKT-1042' }) code!: string;
  @ApiProperty({ example: 'Mounting bracket' }) name!: string;
  @ApiProperty({ example: 'EA' }) baseUnit!: string;
  @ApiProperty({ enum: ['finished', 'semi_finished', 'purchased', 'raw'] }) type!: ItemType;
  @ApiProperty() lotControlled!: boolean;
  @ApiPropertyOptional({ type: Quantity }) weight?: Quantity;
  @ApiProperty({ type: [ItemPlantExtension] }) plants!: ItemPlantExtension[];
}
