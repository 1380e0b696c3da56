import { convertQuantity, NoConversionError, type Quantity } from '@plantsync/canonical';
import type { ErpApiClient } from '@plantsync/clients';
import type { CallContext } from '@plantsync/connectors';
import { SagaStepFailed } from '@plantsync/saga';

/** `quantity` in `unit`, with the item's conversions from the ERP when the units differ (BOX → EA). */
export async function inUnit(erp: ErpApiClient, ctx: CallContext, plant: string, item: string, quantity: Quantity, unit: string): Promise<Quantity> {
  if (quantity.unit === unit) return { value: quantity.value, unit };
  const conversions = await erp.listUnitConversions(ctx, plant, item);
  try {
    const converted = convertQuantity(quantity, unit, conversions, item);
    return { value: converted.value, unit: converted.unit };
  } catch (e) {
    if (e instanceof NoConversionError)
      throw new SagaStepFailed('unit-not-convertible', `${item}: no conversion from ${quantity.unit} to ${unit} at ${plant}`);
    throw e;
  }
}
