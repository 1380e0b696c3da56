import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReconciliationDomain } from './reconciliation-domain';

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';
export type RunTrigger = 'on_demand' | 'scheduled';

/** Counts every run has (stored as JSON: the figures grow with new domains, the columns need not). */
export interface CommonRunCounts {
  /** Records equal on both sides. */
  matched: number;
  differences: number;
  byKind: Record<string, number>;
  corrected: number;
  exceptions: number;
  correctionFailures: number;
}

export interface InventoryRunCounts extends CommonRunCounts {
  erpBalances: number;
  wmsBalances: number;
}

export interface OrdersRunCounts extends CommonRunCounts {
  erpOrders: number;
  mesWorkOrders: number;
}

export interface MasterDataRunCounts extends CommonRunCounts {
  /** Items in the item masters of the run's plants. */
  erpItems: number;
  /** Distinct items the run's plants' WMS hold stock of. */
  wmsItems: number;
  /** Distinct items of the run's plants' MES work orders. */
  mesItems: number;
  /** Item codes held by two or more plants' ERPs (compared across plants). */
  sharedItems: number;
}

export type RunCounts = InventoryRunCounts | OrdersRunCounts | MasterDataRunCounts;

/** One reconciliation run: its scope, when it ran, what it counted and what it did. */
@Entity({ name: 'reconciliation_run' })
@Index('IDX_reconciliation_run_started', ['startedAt'])
export class ReconciliationRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  domain!: ReconciliationDomain;

  /** null = every plant of the landscape. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  plant!: string | null;

  @Column({ type: 'varchar', length: 16 })
  trigger!: RunTrigger;

  @Column({ type: 'varchar', length: 16 })
  status!: RunStatus;

  /** The landscape's system of record for the domain when the run started (null: none named). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  systemOfRecord!: string | null;

  @Column({ type: 'text', nullable: true })
  counts!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 64 })
  correlationId!: string;

  @Column({ type: Date })
  startedAt!: Date;

  @Column({ type: Date, nullable: true })
  finishedAt!: Date | null;
}
