import { createEvent } from './create-event';
import { EVENT_CATALOGUE, EventTypes } from './event-catalogue';
import { InvalidEventError } from './event-validator';

const released = {
  type: EventTypes.ProductionOrderReleased,
  source: '/plantsync/order-release',
  subject: 'P100/PO-5000',
  data: { plant: 'P100', productionOrder: 'PO-5000', releasedAt: '2024-06-03T06:00:00.000Z' },
  correlationId: 'corr-PO-5000',
};

it('builds a CloudEvents 1.0 envelope with lower-case extensions', () => {
  const event = createEvent({ ...released, causationId: 'evt-requested-1' });
  expect(event).toMatchObject({
    specversion: '1.0',
    type: 'io.plantsync.production-order.released.v1',
    subject: 'P100/PO-5000',
    datacontenttype: 'application/json',
    correlationid: 'corr-PO-5000',
    causationid: 'evt-requested-1',
  });
  expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Date(event.time).toISOString()).toBe(event.time);
});

it('accepts decimal string quantities with their unit', () => {
  expect(() =>
    createEvent({
      type: EventTypes.InventoryAdjusted,
      source: '/plantsync/wms-api',
      subject: 'P100/BRKT-1042',
      data: { plant: 'P100', location: 'RM-01', item: 'BRKT-1042', delta: { value: '-12.500', unit: 'EA' }, reason: 'cycle count' },
      correlationId: 'corr-count-7',
    }),
  ).not.toThrow();
});

it.each([
  ['a binary float quantity', { plant: 'P100', location: 'RM-01', item: 'BRKT-1042', delta: { value: 1.5, unit: 'EA' }, reason: 'count' }],
  ['a missing unit', { plant: 'P100', location: 'RM-01', item: 'BRKT-1042', delta: { value: '1.5' }, reason: 'count' }],
  ['an unknown property', { plant: 'P100', location: 'RM-01', item: 'BRKT-1042', delta: { value: '1', unit: 'EA' }, reason: 'count', price: 3 }],
  ['a missing reason', { plant: 'P100', location: 'RM-01', item: 'BRKT-1042', delta: { value: '1', unit: 'EA' } }],
])('rejects %s', (_what, data) => {
  expect(() =>
    createEvent({ type: EventTypes.InventoryAdjusted, source: '/plantsync/wms-api', subject: 'P100/BRKT-1042', data, correlationId: 'c' }),
  ).toThrow(InvalidEventError);
});

it('rejects a type that is not in the catalogue', () => {
  expect(() => createEvent({ ...released, type: 'io.plantsync.production-order.exploded.v1' })).toThrow(
    /not in the event catalogue/,
  );
});

it('rejects a bad date-time format', () => {
  expect(() => createEvent({ ...released, data: { ...released.data, releasedAt: 'Monday morning' } })).toThrow(
    /releasedAt/,
  );
});

it('names every type by the io.plantsync.<domain>.<event>.v<N> rule, once', () => {
  const types = EVENT_CATALOGUE.map((d) => d.type);
  expect(new Set(types).size).toBe(types.length);
  expect(Object.keys(EventTypes)).toHaveLength(16);
  for (const t of Object.values(EventTypes)) expect(types).toContain(t);
});
