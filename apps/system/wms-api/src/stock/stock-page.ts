import { ApiProperty } from '@nestjs/swagger';
import { InventoryBalance, type Page } from '@plantsync/canonical';

/** Page<InventoryBalance> for the OpenAPI document. */
export class InventoryBalancePage implements Page<InventoryBalance> {
  @ApiProperty({ type: [InventoryBalance] }) items!: InventoryBalance[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
