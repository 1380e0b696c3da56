import { isLocationOf, isPlant, stockUnitOf, warehouseOf } from '../wms-master-data';
import type { WmsQuantity } from '../wms.records';
import { wmsProblems } from './wms-problem';

/** Checks every posting makes against the WMS master data (422 / 404 problems). */
export const wmsChecks = {
  warehouse(plant: string, code: string): void {
    if (warehouseOf(plant) !== code) throw wmsProblems.warehouseNotFound(code, plant);
  },
  /** The item exists and the quantity is in its stock unit (the WMS does not convert). */
  itemQuantity(item: string, quantity: WmsQuantity): void {
    const unit = stockUnitOf(item);
    if (!unit) throw wmsProblems.unknownItem(item);
    if (unit !== quantity.unit) throw wmsProblems.unitMismatch(item, quantity.unit, unit);
  },
  location(plant: string, location: string): void {
    if (!isLocationOf(plant, location)) throw wmsProblems.unknownLocation(location, plant);
  },
  plant(plant: string): void {
    if (!isPlant(plant)) throw wmsProblems.unknownPlant(plant);
  },
};
