/**
 * Named facts of the demo dataset that tests and the demo rely on; the dataset spec proves
 * each of them, so a data change that breaks a scenario fails there, not in an e2e test.
 */
export const DEMO_SCENARIOS = {
  /** Planned orders whose release finds every direct component in unrestricted stock. */
  releasableOrders: [
    'MO-P100-0003',
    'MO-P200-0005',
    'MO-P200-0006',
    'MO-P300-0003',
    'MO-P300-0009',
  ],
  /** Release finds a shortage that an open purchase order covers before the planned start. */
  shortageCoveredByPurchaseOrder: {
    productionOrder: 'MO-P100-0002',
    item: 'BRKT-1042',
    required: '240',
    available: '150',
    purchaseOrder: 'PO-P100-0003',
  },
  /** Release finds a shortage with no open purchase order in the plant. */
  shortageWithoutPurchaseOrder: {
    productionOrder: 'MO-P300-0002',
    item: 'SEAL-2535',
    required: '60',
    available: '25',
  },
  /** The only BOM revision is a draft: release must fail with "no released revision". */
  noReleasedRevision: { productionOrder: 'MO-P100-0004', item: 'ACT-2300' },
  /** Released orders of P200 (the plant with the most work in flight). */
  releasedInP200: ['MO-P200-0001', 'MO-P200-0002', 'MO-P200-0003', 'MO-P200-0004'],
  /** Welded housings in transit from P200 to P100. */
  inTransit: { plant: 'P100', location: 'P100-TRANSIT', item: 'SA-3103', quantity: '24' },
} as const;
