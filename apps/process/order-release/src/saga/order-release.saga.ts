import { EventTypes, ProcessJobName, ProcessQueue } from '@plantsync/messaging';
import type { SagaDefinition, SagaShape } from '@plantsync/saga';
import { cancelReservationsCompensation } from './compensations/cancel-reservations.compensation';
import { revertErpReleaseCompensation } from './compensations/revert-erp-release.compensation';
import type { OrderReleaseContext } from './order-release.context';
import type { OrderReleaseDeps } from './order-release.deps';
import { checkAvailabilityStep } from './steps/check-availability.step';
import { dispatchWorkOrderStep } from './steps/dispatch-work-order.step';
import { explodeBomStep } from './steps/explode-bom.step';
import { loadProductionOrderStep } from './steps/load-production-order.step';
import { publishReleasedStep } from './steps/publish-released.step';
import { releaseInErpStep } from './steps/release-in-erp.step';
import { reserveComponentsStep } from './steps/reserve-components.step';
import { resolveShortagesStep } from './steps/resolve-shortages.step';
import { selectBomRevisionStep } from './steps/select-bom-revision.step';

export const ORDER_RELEASE_SAGA = 'order-release';

/** The job names of the saga (the order of the steps), declared in libs/messaging's job catalogue. */
export const ORDER_RELEASE_SHAPE: SagaShape = {
  type: ORDER_RELEASE_SAGA,
  queue: ProcessQueue.OrderRelease,
  steps: [
    ProcessJobName.LoadProductionOrder,
    ProcessJobName.SelectBomRevision,
    ProcessJobName.ExplodeBom,
    ProcessJobName.CheckAvailability,
    // Reserve before waiting for a planner: the stock there is stays held while they decide.
    ProcessJobName.ReserveComponents,
    ProcessJobName.ResolveShortages,
    ProcessJobName.ReleaseInErp,
    ProcessJobName.DispatchWorkOrders,
    ProcessJobName.PublishReleased,
  ],
  compensations: [ProcessJobName.CancelReservation, ProcessJobName.RevertErpRelease],
};

/** Releasing one production order to the shop floor (docs/processes/order-release.md). */
export function orderReleaseSaga(deps: OrderReleaseDeps): SagaDefinition<OrderReleaseContext> {
  return {
    type: ORDER_RELEASE_SAGA,
    queue: ProcessQueue.OrderRelease,
    source: '/plantsync/order-release',
    jobPayload: ({ context }) => ({
      plant: context.plant,
      productionOrder: context.productionOrder,
    }),
    steps: [
      loadProductionOrderStep(deps),
      selectBomRevisionStep(deps),
      explodeBomStep(deps),
      checkAvailabilityStep(deps),
      reserveComponentsStep(deps),
      resolveShortagesStep(deps),
      releaseInErpStep(deps),
      dispatchWorkOrderStep(deps),
      publishReleasedStep(deps),
    ],
    compensate: {
      [ProcessJobName.CancelReservation]: cancelReservationsCompensation(deps),
      [ProcessJobName.RevertErpRelease]: revertErpReleaseCompensation(deps),
    },
    onFailed: (ctx, failure, tools) => {
      deps.observer?.failed(ctx, failure);
      return [
        tools.event(EventTypes.ProductionOrderReleaseFailed, {
          plant: ctx.plant,
          productionOrder: ctx.productionOrder,
          step: failure.step ?? ProcessJobName.LoadProductionOrder,
          reason: failure.reason.slice(0, 500),
          code: failure.code.slice(0, 64),
        }),
      ];
    },
  };
}
