import { defineEvent } from '../event-definition';
import {
  keySchema,
  objectSchema,
  plantSchema,
  quantitySchema,
  reasonSchema,
  transferLineSchema,
} from './common.schema';

const transfer = { transfer: keySchema, fromPlant: plantSchema, toPlant: plantSchema };
const lines = { type: 'array', minItems: 1, items: transferLineSchema };

/** Events of the inventory-transfer process and stock postings. */
export const inventoryEvents = [
  defineEvent(
    'InventoryTransferRequested',
    'io.plantsync.inventory-transfer.requested.v1',
    'Stock is to move from one plant to another; the inventory-transfer saga starts.',
    objectSchema({ ...transfer, lines, requestedBy: keySchema }),
  ),
  defineEvent(
    'InventoryTransferShipped',
    'io.plantsync.inventory-transfer.shipped.v1',
    'The sending plant posted the goods issue and shipped the goods.',
    objectSchema({ ...transfer, lines, shipment: keySchema }),
  ),
  defineEvent(
    'InventoryTransferReceived',
    'io.plantsync.inventory-transfer.received.v1',
    'The receiving plant posted the goods receipt (possibly a partial quantity).',
    objectSchema({ ...transfer, lines, receipt: keySchema }),
  ),
  defineEvent(
    'InventoryTransferCompleted',
    'io.plantsync.inventory-transfer.completed.v1',
    'Every line was received; both plants agree on the moved quantities.',
    objectSchema(transfer),
  ),
  defineEvent(
    'InventoryTransferFailed',
    'io.plantsync.inventory-transfer.failed.v1',
    'The transfer gave up; compensations ran. `step` names where it failed.',
    objectSchema({ ...transfer, step: keySchema, reason: reasonSchema, code: keySchema }, ['transfer', 'fromPlant', 'toPlant', 'step', 'reason']),
  ),
  defineEvent(
    'InventoryAdjusted',
    'io.plantsync.inventory.adjusted.v1',
    'A stock balance changed outside a transfer (count, scrap, correction); `delta` is signed.',
    objectSchema({
      plant: plantSchema,
      location: keySchema,
      item: keySchema,
      lot: keySchema,
      delta: quantitySchema,
      reason: reasonSchema,
    }, ['plant', 'location', 'item', 'delta', 'reason']),
  ),
];
