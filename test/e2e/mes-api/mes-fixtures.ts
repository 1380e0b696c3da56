import type { ProductionConfirmation } from '@plantsync/canonical';

/** A realistic confirmation of P100 Detroit's MES; override what a test is about. */
export function confirmation(overrides: Partial<ProductionConfirmation> = {}): ProductionConfirmation {
  return {
    messageId: `MES-P100-${Math.random().toString(36).slice(2, 10)}`,
    plant: 'P100',
    productionOrder: 'MO-P100-000031',
    sequence: 1,
    operation: '0020',
    workCenter: 'P100-WC-ASSY1',
    yield: { value: '118', unit: 'EA' },
    scrap: { value: '2', unit: 'EA' },
    scrapReason: 'SURFACE-DEFECT',
    final: false,
    reportedAt: '2026-11-02T10:15:00Z',
    ...overrides,
  } as ProductionConfirmation;
}
