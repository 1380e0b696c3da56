import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PositiveQuantityDto, WMS_CODE } from '../dto/wms-quantity.dto';
import { GOODS_ISSUE_REASON_CODES, type GoodsIssueReasonCode } from './goods-issue.record';

/** CreateGoodsIssueRequest of docs/wms-contract.openapi.yaml. */
export class CreateGoodsIssueDto {
  @IsString() @Length(1, 32) warehouseCode!: string;
  @Matches(WMS_CODE) itemNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
  @IsOptional() @Matches(WMS_CODE) lotNumber?: string;
  @Matches(WMS_CODE) locationCode!: string;
  @IsIn(GOODS_ISSUE_REASON_CODES) reasonCode!: GoodsIssueReasonCode;
  @IsOptional() @IsString() @Length(1, 64) reference?: string;
}
