import { DEMO_DATASET } from '../dataset/demo-dataset';

/**
 * What the simulated WMS knows besides stock: which warehouse each plant's endpoint serves
 * (the same codes as options.warehouseCode in config/landscape.yaml, so a misconfigured
 * landscape gets 404 warehouse-not-found like it would from a real WMS), the locations of each
 * plant and the stock unit of each item (from the demo dataset).
 */
export const WMS_WAREHOUSE_CODES: Readonly<Record<string, string>> = {
  P100: 'DET1',
  P200: 'MTY1',
  P300: 'WRO1',
};

export function warehouseOf(plant: string): string {
  return WMS_WAREHOUSE_CODES[plant] ?? `WH-${plant}`;
}

export function isPlant(plant: string): boolean {
  return DEMO_DATASET.plants.some((p) => p.code === plant);
}

export function isLocationOf(plant: string, location: string): boolean {
  return (
    DEMO_DATASET.plants.find((p) => p.code === plant)?.locations.some((l) => l.code === location) ??
    false
  );
}

/** Where inbound transfers wait with status in_transit: the plant's location of kind 'transit'. */
export function transitLocationOf(plant: string): string {
  return (
    DEMO_DATASET.plants.find((p) => p.code === plant)?.locations.find((l) => l.kind === 'transit')
      ?.code ?? `${plant}-TRANSIT`
  );
}

/** The item's stock unit, or undefined when the WMS does not know the item. */
export function stockUnitOf(item: string): string | undefined {
  return DEMO_DATASET.items.find((i) => i.code === item)?.baseUnit;
}
