/** The simulated MES' own record of a dispatched production order (not the canonical WorkOrder). */
export type MesSegmentState = 'Ready' | 'Running' | 'Holding' | 'Completed' | 'Aborted';

export interface MesWorkOrder {
  /** The MES' id for the schedule it created: `WO-<order number>`. */
  id: string;
  plant: string;
  orderNumber: string;
  item: string;
  /** Decimal strings in `unit`. */
  quantity: string;
  unit: string;
  produced: string;
  scrapped: string;
  earliestStart: string;
  latestEnd: string;
  workCenter?: string;
  /** The MES' site code (HierarchyScope/EquipmentID), e.g. DET for P100 Detroit. */
  hierarchyScope: string;
  state: MesSegmentState;
  /** Last sequence number reported to the MES system API for this order. */
  lastSequence: number;
  /** BODID of the ProcessProductionSchedule that created it (absent for seeded orders). */
  bodId?: string;
  createdAt: string;
}

/** A production report the MES built and sent (kept so a resend of a sequence reuses the same message). */
export interface MesProductionReport {
  workOrderId: string;
  sequence: number;
  messageId: string;
  xml: string;
  deliveries: Array<{ at: string; status: number }>;
}

export const workOrderCollection = (plant: string) => `${plant}/mes/work-orders`;
export const reportCollection = (plant: string) => `${plant}/mes/production-reports`;
export const workOrderIdOf = (orderNumber: string) => `WO-${orderNumber}`;

/** Each plant MES names its site by its own code; these match config/landscape.yaml (options.hierarchyScope). */
export const MES_SITE_SCOPES: Readonly<Record<string, string>> = { P100: 'DET', P200: 'MTY', P300: 'WRO' };
