/**
 * Neutral demo data the simulators map into their own records (Odoo models, WMS stock,
 * MES work orders). Quantities, prices and factors are decimal STRINGS ("12.5"): never
 * binary floats. Dates are ISO (`YYYY-MM-DD`), relative to DATASET_ANCHOR_DATE.
 */

/** A decimal number written as a string, e.g. "12.5", "0.02", "1200". */
export type Decimal = string;
/** `YYYY-MM-DD`. */
export type IsoDate = string;

export type Region = 'NA' | 'EU';
export type UnitCode = 'EA' | 'KG' | 'G' | 'M' | 'MM' | 'L' | 'BOX';
export type UnitDimension = 'count' | 'mass' | 'length' | 'volume';

export interface UnitOfMeasure {
  code: UnitCode;
  name: string;
  dimension: UnitDimension;
  /** The reference unit of its dimension (EA, KG, M, L); `factor` converts into it. */
  referenceUnit: UnitCode;
  /** 1 of this unit = `factor` reference units (G → "0.001" KG). Item-specific units (BOX) use ItemUnitConversion. */
  factor: Decimal;
}

/** Item-specific conversion, e.g. BRKT-1042: 1 BOX = 12 EA. */
export interface ItemUnitConversion {
  item: string;
  from: UnitCode;
  to: UnitCode;
  /** 1 `from` = `factor` `to`. */
  factor: Decimal;
}

export type LocationKind =
  'raw_materials' | 'line_side' | 'finished_goods' | 'quality_inspection' | 'transit';

export interface Location {
  code: string; // e.g. P100-RM
  name: string;
  kind: LocationKind;
}

export interface WorkCenter {
  code: string; // e.g. P100-WC-ASSY1
  name: string;
  /** Available hours per day, decimal string. */
  capacityHoursPerDay: Decimal;
  /** Line-side location the work center consumes from. */
  supplyLocation: string;
}

export interface Plant {
  code: string; // P100
  name: string;
  city: string;
  country: string; // ISO 3166-1 alpha-2
  timezone: string; // IANA
  region: Region;
  currency: string; // ISO 4217
  locations: Location[];
  workCenters: WorkCenter[];
}

export type ItemType = 'finished' | 'semi-finished' | 'purchased' | 'raw';
export type ProcurementType = 'make' | 'buy';

export interface ItemPlantExtension {
  plant: string;
  procurement: ProcurementType;
  leadTimeDays: number;
  defaultLocation: string;
  /** Scrap above this percentage of the order quantity is flagged, e.g. "2.5". */
  scrapThresholdPercent: Decimal;
}

export interface Item {
  code: string; // BRKT-1042
  name: string; // Mounting bracket
  type: ItemType;
  baseUnit: UnitCode;
  /** Net weight per base unit in KG. */
  weightKg: Decimal;
  lotControlled: boolean;
  plants: ItemPlantExtension[];
}

export type BomStatus = 'draft' | 'released' | 'obsolete';

export interface BomComponent {
  item: string;
  /** Quantity per ONE unit of the parent, in `unit`. */
  quantityPer: Decimal;
  unit: UnitCode;
  /** Planned scrap as a fraction, e.g. "0.02" = 2 %. */
  scrapFactor: Decimal;
}

export interface BomRevision {
  revision: string; // A, B, C
  status: BomStatus;
  effectiveFrom: IsoDate;
  /** Inclusive; undefined = open-ended. */
  effectiveTo?: IsoDate;
  components: BomComponent[];
}

export interface BillOfMaterials {
  item: string; // the parent
  /** Plants that build with this BOM. */
  plants: string[];
  /** Quantity the component list is written for (usually "1"), in the parent's base unit. */
  baseQuantity: Decimal;
  revisions: BomRevision[];
}

export interface Supplier {
  code: string; // SUP-1001
  name: string;
  country: string;
  currency: string;
  /** Plants this supplier delivers to. */
  plants: string[];
  paymentTermsDays: number;
  contactEmail: string;
}

export type AcknowledgementStatus = 'none' | 'accepted' | 'accepted_with_changes' | 'rejected';
export type PurchaseOrderStatus = 'open' | 'partially_received';

export interface PurchaseOrderLine {
  lineNo: number; // 10, 20, …
  item: string;
  quantity: Decimal;
  unit: UnitCode;
  receivedQuantity: Decimal;
  unitPrice: Decimal;
  promisedDate: IsoDate;
  /** Where the goods are received. */
  location: string;
}

export interface PurchaseOrder {
  number: string; // PO-P100-26-0001
  plant: string;
  supplier: string;
  currency: string;
  orderDate: IsoDate;
  status: PurchaseOrderStatus;
  acknowledgement: AcknowledgementStatus;
  lines: PurchaseOrderLine[];
}

export type ProductionOrderStatus =
  'planned' | 'released' | 'in_progress' | 'completed' | 'closed' | 'cancelled';

export interface ProductionOrder {
  number: string; // MO-P100-0001
  plant: string;
  item: string;
  /** BOM revision the order is (or will be) built with. */
  bomRevision: string;
  quantity: Decimal;
  unit: UnitCode;
  completedQuantity: Decimal;
  scrappedQuantity: Decimal;
  status: ProductionOrderStatus;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  workCenter: string;
  /** Where the finished quantity goes. */
  outputLocation: string;
}

export type StockStatus = 'unrestricted' | 'quality_inspection' | 'blocked';

export interface StockBalance {
  plant: string;
  location: string;
  item: string;
  /** Only for lot-controlled items. */
  lot?: string;
  status: StockStatus;
  quantity: Decimal;
  unit: UnitCode;
}

export interface Lot {
  code: string; // L-P100-260915-01
  item: string;
  plant: string;
  supplier?: string;
  manufacturedOn: IsoDate;
  expiresOn?: IsoDate;
}

export interface DemoDataset {
  anchorDate: IsoDate;
  units: UnitOfMeasure[];
  itemUnitConversions: ItemUnitConversion[];
  plants: Plant[];
  items: Item[];
  boms: BillOfMaterials[];
  suppliers: Supplier[];
  purchaseOrders: PurchaseOrder[];
  productionOrders: ProductionOrder[];
  lots: Lot[];
  stock: StockBalance[];
}
