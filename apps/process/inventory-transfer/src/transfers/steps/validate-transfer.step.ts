import { decimal, type Item } from '@plantsync/canonical';
import { SystemApiError } from '@plantsync/clients';
import { ProcessJobName } from '@plantsync/messaging';
import { SagaStepFailed, type SagaStep, type SagaTools } from '@plantsync/saga';
import type { TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * The item must exist at BOTH plants (each plant's ERP has its own item extension: default
 * location, procurement), the plants must differ and the quantity must be in a unit both plants
 * stock the item in. Reads only: nothing to compensate.
 */
export function validateTransferStep({ erp }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.ValidateTransfer,
    async run(ctx, tools) {
      if (ctx.fromPlant === ctx.toPlant)
        throw new SagaStepFailed('same-plant', `a transfer needs two plants; ${ctx.fromPlant} is both source and destination`);
      if (!decimal(ctx.quantity.value).greaterThan(0))
        throw new SagaStepFailed('invalid-quantity', 'the quantity must be greater than zero');
      const [source, destination] = await Promise.all([
        itemAt(erp, tools, ctx.fromPlant, ctx.item),
        itemAt(erp, tools, ctx.toPlant, ctx.item),
      ]);
      // Base units are global attributes, but two ERPs may disagree; the WMS never converts units.
      if (source.baseUnit !== destination.baseUnit)
        throw new SagaStepFailed(
          'unit-not-convertible',
          `${ctx.item} is stocked in ${source.baseUnit} at ${ctx.fromPlant} but in ${destination.baseUnit} at ${ctx.toPlant}`,
        );
      if (ctx.quantity.unit !== source.baseUnit)
        throw new SagaStepFailed(
          'unit-not-convertible',
          `${ctx.item} moves in its stock unit ${source.baseUnit}; ${ctx.quantity.value} ${ctx.quantity.unit} cannot be converted by the process layer`,
        );
      if (ctx.lot && !source.lotControlled)
        throw new SagaStepFailed('item-not-lot-controlled', `${ctx.item} is not lot-controlled; lot ${ctx.lot} cannot be transferred`);
      const sourceLocation = ctx.fromLocation ?? extensionOf(source, ctx.fromPlant)?.defaultLocation;
      const destinationLocation = ctx.toLocation ?? extensionOf(destination, ctx.toPlant)?.defaultLocation;
      if (!sourceLocation)
        throw new SagaStepFailed('location-required', `${ctx.item} has no default location at ${ctx.fromPlant}; name fromLocation`);
      if (!destinationLocation)
        throw new SagaStepFailed('location-required', `${ctx.item} has no default location at ${ctx.toPlant}; name toLocation`);
      return {
        patch: { stockQuantity: { value: ctx.quantity.value, unit: source.baseUnit }, sourceLocation, destinationLocation },
        output: { baseUnit: source.baseUnit, lotControlled: source.lotControlled, sourceLocation, destinationLocation },
      };
    },
  };
}

async function itemAt(erp: TransferStepDeps['erp'], tools: SagaTools, plant: string, item: string): Promise<Item> {
  try {
    return await erp.getItem({ correlationId: tools.correlationId }, plant, item);
  } catch (e) {
    if (e instanceof SystemApiError && e.classification === 'not_found')
      throw new SagaStepFailed('item-not-at-plant', `${item} is not carried at ${plant} (${e.code})`, { plant, item });
    throw e;
  }
}

function extensionOf(item: Item, plant: string) {
  return item.plants.find((p) => p.plant === plant);
}
