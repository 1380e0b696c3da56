import type { EventDefinition } from './event-definition';
import { EVENT_TYPE_PATTERN } from './cloud-event';
import { inventoryEvents } from './schemas/inventory.events';
import { orderReleaseEvents } from './schemas/order-release.events';
import { productionEvents } from './schemas/production.events';

/** Every canonical event type Plantsync emits. Add a type here, then run generate-event-docs. */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [...orderReleaseEvents, ...inventoryEvents, ...productionEvents];

for (const def of EVENT_CATALOGUE)
  if (!EVENT_TYPE_PATTERN.test(def.type)) throw new Error(`event type ${def.type} breaks io.plantsync.<domain>.<event>.v<N>`);

/** Event types by name, for producers: `EventTypes.ProductionOrderReleased`. */
export const EventTypes = Object.fromEntries(EVENT_CATALOGUE.map((d) => [d.name, d.type])) as Record<
  | 'ProductionOrderReleaseRequested'
  | 'MaterialShortageDetected'
  | 'MaterialReserved'
  | 'ReservationCancelled'
  | 'ProductionOrderReleased'
  | 'WorkOrderDispatched'
  | 'ProductionOrderReleaseFailed'
  | 'InventoryTransferRequested'
  | 'InventoryTransferShipped'
  | 'InventoryTransferReceived'
  | 'InventoryTransferCompleted'
  | 'InventoryTransferFailed'
  | 'InventoryAdjusted'
  | 'ProductionPerformanceReceived'
  | 'QualityHoldCreated'
  | 'WorkOrderCompleted',
  string
>;

export function findEventDefinition(type: string): EventDefinition | undefined {
  return EVENT_CATALOGUE.find((d) => d.type === type);
}
