import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { WMS_STOCK_STATUSES, type WmsStockStatus } from '../wms.records';
import { PositiveQuantityDto, WMS_CODE } from './wms-quantity.dto';

/** Request bodies and queries of docs/wms-contract.openapi.yaml, validated as the contract says. */

const CODE = WMS_CODE.source.slice(1, -1);
const STOCK_AFTER = new RegExp(`^${CODE},${CODE},(${CODE})?,(${WMS_STOCK_STATUSES.join('|')})$`);

export class StockQueryDto {
  @IsString() @Length(1, 32) warehouse!: string;
  @IsOptional() @Matches(WMS_CODE) item?: string;
  @IsOptional() @Matches(WMS_CODE) location?: string;
  @IsOptional() @Matches(WMS_CODE) lot?: string;
  @IsOptional() @IsIn(WMS_STOCK_STATUSES) status?: WmsStockStatus;
  /** Keyset paging: the last row's key of the previous page, `itemNumber,locationCode,lotNumber,stockStatus`. */
  @IsOptional()
  @Matches(STOCK_AFTER, { message: 'after must be a balance key itemNumber,locationCode,lotNumber,stockStatus as nextAfter gives it' })
  after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5000) limit?: number;
}

export class ReservationQueryDto {
  @IsString() @Length(1, 32) warehouse!: string;
  @IsOptional() @Matches(WMS_CODE) item?: string;
  @IsOptional() @Matches(WMS_CODE) location?: string;
  @IsOptional() @Matches(WMS_CODE) lot?: string;
  @IsOptional() @IsIn(['open', 'cancelled', 'consumed']) status?: 'open' | 'cancelled' | 'consumed';
}

export class CreateReservationDto {
  @IsString() @Length(1, 32) warehouseCode!: string;
  @Matches(WMS_CODE) itemNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
  @IsOptional() @Matches(WMS_CODE) locationCode?: string;
  @IsOptional() @Matches(WMS_CODE) lotNumber?: string;
  @IsString() @Length(1, 64) reference!: string;
}

/** One line of a reservation batch: a reservation without the batch's warehouse and reference. */
export class ReservationBatchLineDto {
  @Matches(WMS_CODE) itemNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
  @IsOptional() @Matches(WMS_CODE) locationCode?: string;
  @IsOptional() @Matches(WMS_CODE) lotNumber?: string;
}

/** POST /v1/reservations/batch: every line reserved in one transaction, or none. */
export class CreateReservationBatchDto {
  @IsString() @Length(1, 32) warehouseCode!: string;
  @IsString() @Length(1, 64) reference!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReservationBatchLineDto) lines!: ReservationBatchLineDto[];
}

export class CreateTransferOrderDto {
  @IsString() @Length(1, 32) warehouseCode!: string;
  @Matches(WMS_CODE) itemNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
  @IsOptional() @Matches(WMS_CODE) lotNumber?: string;
  @Matches(WMS_CODE) fromLocationCode!: string;
  @Matches(WMS_CODE) toPlantCode!: string;
  @Matches(WMS_CODE) toLocationCode!: string;
  @IsOptional() @IsString() @Length(1, 64) reference?: string;
  /** An open reservation of exactly this demand, taken over by the order (docs/wms-contract.md). */
  @IsOptional() @Matches(WMS_CODE) reservationId?: string;
}

export class ReceiveTransferOrderDto {
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
}

export class CreateReceiptDto {
  @IsString() @Length(1, 32) warehouseCode!: string;
  @Matches(WMS_CODE) itemNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => PositiveQuantityDto) quantity!: PositiveQuantityDto;
  @IsOptional() @Matches(WMS_CODE) lotNumber?: string;
  @Matches(WMS_CODE) locationCode!: string;
  @IsOptional() @IsIn(['unrestricted', 'quality_inspection', 'blocked']) stockStatus?: 'unrestricted' | 'quality_inspection' | 'blocked';
  @IsOptional() @IsString() @Length(1, 64) reference?: string;
}
