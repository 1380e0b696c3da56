import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Quantity } from '../quantity/quantity';

export const STOCK_STATUSES = ['unrestricted', 'quality_inspection', 'blocked', 'in_transit'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;

/**
 * What every stock posting and demand names first: the item, a quantity in one of its units, and
 * optionally the lot. The inputs below (reservations, movements, receipts, transfers, goods issues,
 * expected receipts, stock transports) extend it with what is their own.
 */
export class StockLineInput {
  @ApiProperty({ example: 'BRKT-1042' })
  @Matches(CODE_PATTERN)
  item!: string;

  @ApiProperty({ type: Quantity })
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;

  @ApiPropertyOptional({ example: 'L100-261008-07' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  lot?: string;
}

export class InventoryBalance {
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'P100-RM' }) location!: string;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiPropertyOptional({ example: 'L2026-0412' }) lot?: string;
  @ApiProperty({ enum: STOCK_STATUSES }) stockStatus!: StockStatus;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
}

export class Lot {
  @ApiProperty({ example: 'L2026-0412' }) code!: string;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiPropertyOptional({ example: '2027-04-30' }) expiryDate?: string;
  @ApiPropertyOptional({ example: 'SUP-1001' }) supplier?: string;
}

/** What can be promised at a plant: unrestricted stock minus what is already reserved. */
export class Availability {
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiPropertyOptional() location?: string;
  @ApiPropertyOptional() lot?: string;
  @ApiProperty({ type: Quantity }) unrestricted!: Quantity;
  @ApiProperty({ type: Quantity }) reserved!: Quantity;
  @ApiProperty({ type: Quantity }) qualityInspection!: Quantity;
  @ApiProperty({ type: Quantity }) blocked!: Quantity;
  @ApiProperty({ type: Quantity }) inTransit!: Quantity;
  @ApiProperty({ type: Quantity, description: 'unrestricted − reserved, never below zero' })
  availableToPromise!: Quantity;
  @ApiProperty({ type: [InventoryBalance] }) balances!: InventoryBalance[];
}

export type MovementType = 'goods_issue' | 'goods_receipt' | 'transfer_posting';

export class InventoryMovement {
  @ApiProperty({ example: '5012' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ enum: ['goods_issue', 'goods_receipt', 'transfer_posting'] }) type!: MovementType;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiPropertyOptional() lot?: string;
  @ApiPropertyOptional() fromLocation?: string;
  @ApiPropertyOptional() toLocation?: string;
  @ApiPropertyOptional({ enum: STOCK_STATUSES }) fromStatus?: StockStatus;
  @ApiPropertyOptional({ enum: STOCK_STATUSES }) toStatus?: StockStatus;
  @ApiPropertyOptional({ example: 'MO-P100-000031' }) reference?: string;
  @ApiPropertyOptional({ example: 'P100/STO/00214', description: 'The stock transport order the movement belongs to' })
  stockTransport?: string;
  @ApiProperty() postedAt!: string;
}

/** Issue (consumption), receipt or transfer posting requested from the ERP. */
export class GoodsMovementInput extends StockLineInput {
  @ApiProperty({ enum: ['goods_issue', 'goods_receipt', 'transfer_posting'] })
  @IsIn(['goods_issue', 'goods_receipt', 'transfer_posting'])
  type!: MovementType;

  @ApiPropertyOptional({ example: 'P100-RM', description: 'Required for issues and transfer postings' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  fromLocation?: string;

  @ApiPropertyOptional({ example: 'P100-LINE1', description: 'Required for receipts and transfer postings' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  toLocation?: string;

  @ApiPropertyOptional({ example: 'MO-P100-000031' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;

  @ApiPropertyOptional({
    example: 'P100/STO/00214',
    description:
      "Number of the stock transport order the movement belongs to. A goods issue at the STO's source plant ships (closes) it; an unknown one is 400 unknown-stock-transport. Elsewhere (the receipt at the destination) it is carried as a reference.",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  stockTransport?: string;
}

export type ReservationStatus = 'open' | 'cancelled' | 'consumed';

export class Reservation {
  @ApiProperty({ example: 'RSV-P200-000007' }) id!: string;
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiPropertyOptional() location?: string;
  @ApiPropertyOptional() lot?: string;
  @ApiProperty({ example: 'MO-P200-000118', description: 'What holds the reservation' }) reference!: string;
  @ApiProperty({ enum: ['open', 'cancelled', 'consumed'] }) status!: ReservationStatus;
  @ApiPropertyOptional({
    example: 'TO-P100-000003',
    description: 'The transfer order that took the reservation over: it holds the stock for that order until it ships (consumed) or is cancelled',
  })
  transferOrder?: string;
  @ApiProperty() createdAt!: string;
}

export class CreateReservationInput extends StockLineInput {
  @ApiPropertyOptional({ example: 'P200-RM' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  location?: string;

  @ApiProperty({ example: 'MO-P200-000118' })
  @IsString()
  @Length(1, 64)
  reference!: string;
}

export type TransferOrderStatus = 'created' | 'picked' | 'shipped' | 'received' | 'partially_received' | 'cancelled';

export class TransferOrder {
  @ApiProperty({ example: 'TO-P100-000003' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'BRG-6204' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiProperty({ type: Quantity }) receivedQuantity!: Quantity;
  @ApiPropertyOptional() lot?: string;
  @ApiProperty({ example: 'P100-RM' }) fromLocation!: string;
  @ApiProperty({ example: 'P300', description: 'Destination plant (same plant for an internal move)' })
  toPlant!: string;
  @ApiProperty({ example: 'P300-RM' }) toLocation!: string;
  @ApiProperty({ enum: ['created', 'picked', 'shipped', 'received', 'partially_received', 'cancelled'] })
  status!: TransferOrderStatus;
  @ApiPropertyOptional() reference?: string;
  @ApiPropertyOptional({ example: 'RSV-P100-000012', description: 'The reservation the order took over' }) reservation?: string;
  @ApiProperty() createdAt!: string;
}

export class CreateTransferOrderInput extends StockLineInput {
  @ApiProperty({ example: 'P100-RM' })
  @Matches(CODE_PATTERN)
  fromLocation!: string;

  @ApiProperty({ example: 'P300' })
  @Matches(CODE_PATTERN)
  toPlant!: string;

  @ApiProperty({ example: 'P300-RM' })
  @Matches(CODE_PATTERN)
  toLocation!: string;

  @ApiPropertyOptional({ example: 'TRF-2026-0007' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;

  @ApiPropertyOptional({
    example: 'RSV-P100-000012',
    description:
      'An open reservation of exactly this item, quantity, lot and source location: the WMS hands it over to the order in the same transaction, so the stock stays held until the order ships (consumed) or is cancelled (released). Unknown → 400 unknown-reservation; another demand → 400 reservation-mismatch; not open → 409 invalid-state.',
  })
  @IsOptional()
  @Matches(CODE_PATTERN)
  reservation?: string;
}

export class ReceiveTransferInput {
  @ApiProperty({ type: Quantity, description: 'Partial receipts allowed; over-receipt rejected' })
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;
}

export class Receipt {
  @ApiProperty({ example: 'GR-P100-000019' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiPropertyOptional() lot?: string;
  @ApiProperty({ example: 'P100-RM' }) location!: string;
  @ApiProperty({ enum: STOCK_STATUSES }) stockStatus!: StockStatus;
  @ApiPropertyOptional({ example: 'PO-P100-000042/10' }) reference?: string;
  @ApiProperty() receivedAt!: string;
}

export class CreateReceiptInput extends StockLineInput {
  @ApiProperty({ example: 'P100-RM' })
  @Matches(CODE_PATTERN)
  location!: string;

  @ApiPropertyOptional({ enum: STOCK_STATUSES, default: 'unrestricted' })
  @IsOptional()
  @IsIn(['unrestricted', 'quality_inspection', 'blocked'])
  stockStatus?: StockStatus;

  @ApiPropertyOptional({ example: 'PO-P100-000042/10' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;
}
