import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Quantity } from '../quantity/quantity';

export type BomStatus = 'draft' | 'released' | 'obsolete';

export class BomComponent {
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ type: Quantity, description: 'Per base quantity of the parent' }) quantityPer!: Quantity;
  @ApiProperty({ example: '0.02', description: 'Decimal fraction added for expected scrap' })
  scrapFactor!: string;
}

export class BillOfMaterials {
  @ApiProperty({ example: '17' }) id!: string;
  @ApiProperty({ example: 'ACT-2200' }) item!: string;
  @ApiPropertyOptional({ example: 'P100', description: 'Absent: valid at every plant' }) plant?: string;
  @ApiProperty({ example: 'B' }) revision!: string;
  @ApiProperty({ enum: ['draft', 'released', 'obsolete'] }) status!: BomStatus;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiPropertyOptional({
    example: '2027-01-01',
    description: 'First day the revision is no longer effective (exclusive); absent: open-ended',
  })
  effectiveTo?: string;
  @ApiProperty({ type: Quantity }) baseQuantity!: Quantity;
  @ApiProperty({ type: [BomComponent] }) components!: BomComponent[];
}

/** One line of a multi-level explosion: the gross requirement of `item` at `level`. */
export class BomExplosionLine {
  @ApiProperty({ example: 2 }) level!: number;
  @ApiProperty({ example: ['ACT-2200', 'SUB-2210'], type: [String] }) path!: string[];
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ example: 'B' }) revision!: string;
  @ApiProperty({ type: Quantity }) requiredQuantity!: Quantity;
  @ApiProperty({ description: 'True when the item has no BOM of its own (a purchased part or raw material)' })
  leaf!: boolean;
}

export class BomExplosion {
  @ApiProperty({ example: 'ACT-2200' }) item!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: '2026-11-02' }) at!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiProperty({ type: [BomExplosionLine] }) lines!: BomExplosionLine[];
}
