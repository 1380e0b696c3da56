import { defineEvent } from '../event-definition';
import {
  componentLineSchema,
  keySchema,
  objectSchema,
  plantSchema,
  quantitySchema,
  reasonSchema,
} from './common.schema';

const order = { plant: plantSchema, productionOrder: keySchema };

/** Events of the order-release process (apps/process/order-release). */
export const orderReleaseEvents = [
  defineEvent(
    'ProductionOrderReleaseRequested',
    'io.plantsync.production-order.release-requested.v1',
    'A planner asked to release a production order to the shop floor; the order-release saga starts.',
    objectSchema({ ...order, requestedBy: keySchema, quantity: quantitySchema }, ['plant', 'productionOrder', 'requestedBy']),
  ),
  defineEvent(
    'MaterialShortageDetected',
    'io.plantsync.inventory.material-shortage-detected.v1',
    'The WMS cannot cover a component of the order; the release waits or fails.',
    objectSchema({
      ...order,
      item: keySchema,
      required: quantitySchema,
      available: quantitySchema,
    }),
  ),
  defineEvent(
    'MaterialReserved',
    'io.plantsync.inventory.material-reserved.v1',
    "The order's components are reserved in the plant's WMS.",
    objectSchema({
      ...order,
      reservation: keySchema,
      lines: { type: 'array', minItems: 1, items: componentLineSchema },
    }),
  ),
  defineEvent(
    'ReservationCancelled',
    'io.plantsync.inventory.reservation-cancelled.v1',
    'A reservation was released again (compensation of a failed release, or a cancelled order).',
    objectSchema({ ...order, reservation: keySchema, reason: reasonSchema }),
  ),
  defineEvent(
    'ProductionOrderReleased',
    'io.plantsync.production-order.released.v1',
    'The ERP shows the production order as released.',
    objectSchema({ ...order, releasedAt: { type: 'string', format: 'date-time' } }),
  ),
  defineEvent(
    'WorkOrderDispatched',
    'io.plantsync.production-order.work-order-dispatched.v1',
    "The order's work orders reached the plant's MES; the release is complete.",
    objectSchema({
      ...order,
      workOrders: { type: 'array', minItems: 1, items: keySchema },
      workCenter: keySchema,
    }, ['plant', 'productionOrder', 'workOrders']),
  ),
  defineEvent(
    'ProductionOrderReleaseFailed',
    'io.plantsync.production-order.release-failed.v1',
    'The release gave up; compensations ran. `step` names where it failed.',
    objectSchema({ ...order, step: keySchema, reason: reasonSchema, code: keySchema }, ['plant', 'productionOrder', 'step', 'reason']),
  ),
];
