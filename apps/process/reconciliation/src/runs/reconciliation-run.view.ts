import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { GoodsMovementRecord } from '@plantsync/canonical';
import { DIFFERENCE_KINDS as STOCK_DIFFERENCE_KINDS } from '../inventory/balance-merge';
import { MASTER_DATA_DIFFERENCE_KINDS } from '../master-data/plant-item-check';

/** Every kind a run can report, over all domains. */
const DIFFERENCE_KINDS = [...new Set([...STOCK_DIFFERENCE_KINDS, ...MASTER_DATA_DIFFERENCE_KINDS])];
import { RECONCILIATION_DOMAINS, type ReconciliationDomain } from './reconciliation-domain';

export class StartReconciliationRunDto {
  @ApiPropertyOptional({ example: 'P100', description: 'One plant; every plant of the landscape when absent' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant?: string;

  @ApiProperty({
    enum: RECONCILIATION_DOMAINS,
    description:
      'What to reconcile (inventory: ERP vs WMS stock; orders: ERP production orders vs MES work orders; master_data: WMS and MES items vs the ERP item master, and item base unit / lot control across the plants\' ERPs)',
  })
  @IsIn(RECONCILIATION_DOMAINS, { message: `domain must be one of: ${RECONCILIATION_DOMAINS.join(', ')}` })
  domain!: ReconciliationDomain;
}

export class ListReconciliationRunsQuery {
  @ApiPropertyOptional({ example: 'P100' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/)
  plant?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RunCountsView {
  @ApiPropertyOptional({ description: 'Inventory runs: ERP balances read' }) erpBalances?: number;
  @ApiPropertyOptional({ description: 'Inventory runs: WMS balances read' }) wmsBalances?: number;
  @ApiPropertyOptional({ description: 'Orders runs: ERP production orders read' }) erpOrders?: number;
  @ApiPropertyOptional({ description: 'Orders runs: MES work orders read' }) mesWorkOrders?: number;
  @ApiPropertyOptional({ description: 'Master data runs: items in the item masters of the run\'s plants' }) erpItems?: number;
  @ApiPropertyOptional({ description: 'Master data runs: distinct items the WMS holds stock of' }) wmsItems?: number;
  @ApiPropertyOptional({ description: 'Master data runs: distinct items of MES work orders' }) mesItems?: number;
  @ApiPropertyOptional({ description: 'Master data runs: item codes held by two or more plants\' ERPs' }) sharedItems?: number;
  @ApiProperty({ description: 'Balances (inventory), production orders (orders) or plant × item references of the WMS and MES (master data) on which both sides agree' })
  matched!: number;
  @ApiProperty() differences!: number;
  @ApiProperty({ description: `Differences per kind (${DIFFERENCE_KINDS.join(', ')})`, type: 'object', additionalProperties: { type: 'integer' } })
  byKind!: Record<string, number>;
  @ApiProperty({ description: 'Corrected in the other system (system of record named)' }) corrected!: number;
  @ApiProperty({ description: 'Raised for a data steward' }) exceptions!: number;
  @ApiProperty({ description: 'Corrections the other system refused or did not answer' }) correctionFailures!: number;
}

export class DifferenceView {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: DIFFERENCE_KINDS }) kind!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'BRKT-1042', description: 'The balance\'s item, or the production order\'s output item' }) item!: string;
  @ApiProperty({ type: String, nullable: true, example: 'MO-P100-0005', description: 'Orders differences: the production order number; master data: the item code; null for stock' })
  businessKey!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'P100-RM', description: 'null for orders and master data differences' }) location!: string | null;
  @ApiProperty({ type: String, nullable: true }) lot!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'unrestricted', description: 'null for orders differences' }) stockStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Stock status, or the production order status (orders); null when the ERP has none' })
  erpStatus!: string | null;
  @ApiProperty({ type: String, nullable: true }) wmsStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Orders differences: the MES work order status; null when the MES holds none' })
  mesStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal string; null when the ERP has no balance' }) erpQuantity!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal string; null when the WMS has no balance. Master data: the WMS\' total stock of the item in `unit` (unknown item) or its other unit (unit_mismatch)' }) wmsQuantity!: string | null;
  @ApiProperty({ example: 'EA', description: 'Master data: the ERP base unit (the WMS or MES unit when the ERP does not know the item)' }) unit!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['erp', 'wms', 'mes'] }) missingIn!: string | null;
  @ApiProperty() explanation!: string;
  @ApiProperty({
    type: [GoodsMovementRecord],
    nullable: true,
    description:
      'Inventory: the ERP postings on this item × location × lot, newest first (at most 10; this run\'s own correction left out), ' +
      'each with the posting key and the process that posted it (origin). Null for orders and master data differences, ' +
      'beyond the first 1,000 differences, or when the ERP history could not be read',
  })
  trace!: GoodsMovementRecord[] | null;
  @ApiProperty({ enum: ['corrected', 'exception', 'correction_failed'] }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The correcting movement and event, or the reason a data steward must decide' })
  actionDetail!: Record<string, unknown>;
}

export class ReconciliationRunView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RECONCILIATION_DOMAINS }) domain!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null = every plant' }) plant!: string | null;
  @ApiProperty({ enum: ['on_demand', 'scheduled'] }) trigger!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['erp', 'mes', 'wms'] }) systemOfRecord!: string | null;
  @ApiProperty({ type: RunCountsView, nullable: true }) counts!: RunCountsView | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class ReconciliationRunDetailView extends ReconciliationRunView {
  @ApiProperty({ type: [DifferenceView], description: 'The first 1,000 differences in the order found' }) differences!: DifferenceView[];
  @ApiProperty({ description: 'True when the run found more differences than listed' }) differencesTruncated!: boolean;
}
