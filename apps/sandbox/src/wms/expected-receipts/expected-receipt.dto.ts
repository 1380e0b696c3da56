import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDefined, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PositiveQuantityDto, WMS_CODE } from '../dto/wms-quantity.dto';

/** CreateExpectedReceiptRequest of docs/wms-contract.openapi.yaml. */
export class ExpectedReceiptLineDto {
  @Matches(WMS_CODE) itemNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
  @IsOptional() @Matches(WMS_CODE) lotNumber?: string;
  @IsString() @Length(1, 64) purchaseOrderReference!: string;
}

export class CreateExpectedReceiptDto {
  @IsString() @Length(1, 32) warehouseCode!: string;
  @IsString() @Length(1, 64) reference!: string;
  @Matches(WMS_CODE) supplierCode!: string;
  @IsISO8601({ strict: true }) expectedArrival!: string;
  @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => ExpectedReceiptLineDto) lines!: ExpectedReceiptLineDto[];
}
