import type { WmsQuantity } from '../wms.records';

export const WMS_PROBLEM_BASE = 'https://plantsync.dev/wms/problems/';

/**
 * An error the simulated WMS answers as problem+json (docs/wms-contract.openapi.yaml). `slug`
 * becomes the last segment of `type`; `extensions` are added to the body.
 */
export class WmsProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'WmsProblem';
  }
}

export const wmsProblems = {
  unauthorized: () => new WmsProblem(401, 'unauthorized', 'Unauthorized', 'Send Authorization: Bearer <token>.'),
  validation: (errors: Array<{ field: string; message: string }>) =>
    new WmsProblem(400, 'validation-failed', 'Request validation failed', `${errors.length} field(s) are invalid.`, { errors }),
  warehouseNotFound: (code: string, plant: string) =>
    new WmsProblem(404, 'warehouse-not-found', 'Warehouse not found', `This WMS endpoint (plant ${plant}) does not serve warehouse ${code}.`),
  notFound: (slug: 'reservation-not-found' | 'transfer-order-not-found', id: string) =>
    new WmsProblem(404, slug, 'Not found', `${slug.replace(/-not-found$/, '').replace(/-/g, ' ')} ${id} does not exist`),
  unknownItem: (item: string) => new WmsProblem(422, 'unknown-item', 'Unknown item', `item ${item} is not in the WMS item master`),
  unknownLocation: (location: string, plant: string) =>
    new WmsProblem(422, 'unknown-location', 'Unknown location', `location ${location} does not exist at plant ${plant}`),
  unknownPlant: (plant: string) => new WmsProblem(422, 'unknown-plant', 'Unknown plant', `plant ${plant} is not in the WMS network`),
  unitMismatch: (item: string, given: string, stockUnit: string) =>
    new WmsProblem(422, 'unit-mismatch', 'Unit mismatch', `item ${item} is stocked in ${stockUnit}, not ${given}`, {
      stockUnit,
    }),
  insufficientStock: (item: string, requested: WmsQuantity, available: WmsQuantity, scope: string) =>
    new WmsProblem(
      409,
      'insufficient-stock',
      'Insufficient stock',
      `only ${available.amount} ${available.unit} of ${item} available to promise ${scope}; ${requested.amount} ${requested.unit} requested`,
      { itemNumber: item, requested, available },
    ),
  overReceipt: (id: string, requested: WmsQuantity, available: WmsQuantity) =>
    new WmsProblem(
      409,
      'over-receipt',
      'Over-receipt',
      `transfer order ${id} has only ${available.amount} ${available.unit} still in transit; ${requested.amount} ${requested.unit} cannot be received`,
      { requested, available },
    ),
  invalidState: (what: string, id: string, status: string, action: string) =>
    new WmsProblem(409, 'invalid-state', 'Invalid state', `${what} ${id} is ${status} and cannot be ${action}`, { status }),
};
