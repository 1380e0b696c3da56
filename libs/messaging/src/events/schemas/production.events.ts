import { defineEvent } from '../event-definition';
import { keySchema, objectSchema, plantSchema, quantitySchema, reasonSchema } from './common.schema';

const order = { plant: plantSchema, productionOrder: keySchema };

/** Events of production confirmations (mes-api inbound → apps/process/production-sync). */
export const productionEvents = [
  defineEvent(
    'ProductionPerformanceReceived',
    'io.plantsync.production.performance-received.v1',
    'The MES system API durably stored a production confirmation; production-sync fetches it by id and posts it. Carries ids only, never the confirmation.',
    objectSchema({ ...order, messageId: { type: 'string', minLength: 1, maxLength: 128 }, sequence: { type: 'integer', minimum: 1 } }),
  ),
  defineEvent(
    'QualityHoldCreated',
    'io.plantsync.production.quality-hold-created.v1',
    "A confirmation's scrap exceeded the item's threshold; the produced lot was received into quality inspection.",
    objectSchema(
      {
        ...order,
        messageId: { type: 'string', minLength: 1, maxLength: 128 },
        item: keySchema,
        lot: keySchema,
        quantity: quantitySchema,
        scrap: quantitySchema,
        scrapPercent: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
        thresholdPercent: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
        reason: reasonSchema,
      },
      ['plant', 'productionOrder', 'messageId', 'item', 'quantity', 'scrap', 'scrapPercent', 'thresholdPercent'],
    ),
  ),
  defineEvent(
    'WorkOrderCompleted',
    'io.plantsync.production.work-order-completed.v1',
    'The MES reported the final confirmation of a production order and production-sync posted it.',
    objectSchema({ ...order, item: keySchema, messageId: { type: 'string', minLength: 1, maxLength: 128 } }),
  ),
];
