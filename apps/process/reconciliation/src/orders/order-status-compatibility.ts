import type { ProductionOrderStatus, WorkOrderStatus } from '@plantsync/canonical';

/** The MES side of an order: a work order's status, or `none` when the MES holds no work order for it. */
export type MesSide = WorkOrderStatus | 'none';

/**
 * ERP production order status → the MES states that agree with it (docs/reconciliation.md).
 * A released order was dispatched by the order release, so the MES holds it in any active state;
 * an order in progress may be paused or not yet started on the line. A completed or closed order
 * is completed in the MES, or gone from it (an MES archives finished work orders). Planned and
 * cancelled orders are not on the shop floor: no work order, or an aborted one.
 */
export const COMPATIBLE_MES_STATES: Readonly<Record<ProductionOrderStatus, readonly MesSide[]>> = {
  planned: ['none', 'aborted'],
  released: ['dispatched', 'running', 'held'],
  in_progress: ['running', 'held', 'dispatched'],
  completed: ['completed', 'none'],
  closed: ['completed', 'none'],
  cancelled: ['none', 'aborted'],
};

export type OrderDifferenceKind = 'missing_posting' | 'status_mismatch';

/** What is wrong with one order, in a data steward's words, and what to check. */
export interface OrderVerdict {
  kind: OrderDifferenceKind;
  /** The system without the order (missing_posting only). */
  missingIn: 'erp' | 'mes' | null;
  /** What the two systems say, naming the order. */
  explanation: string;
  /** What a person should check or do. */
  check: string;
}

const ACTIVE: readonly MesSide[] = ['dispatched', 'running', 'held'];

/**
 * Compares one production order's ERP status with its MES side; null when they agree.
 * `erp` undefined = the ERP does not know the order (only called for an MES work order then).
 */
export function judgeOrder(order: string, erp: ProductionOrderStatus | undefined, mes: MesSide): OrderVerdict | null {
  if (erp === undefined) {
    if (mes === 'none') return null;
    return {
      kind: 'missing_posting',
      missingIn: 'erp',
      explanation: `the MES holds a ${mes} work order for production order ${order}, which the ERP does not know`,
      check: `Find ${order} in the ERP (created at another plant, renamed or deleted?); abort the work order in the MES if no order backs it.`,
    };
  }
  if (COMPATIBLE_MES_STATES[erp].includes(mes)) return null;
  if (mes === 'none') {
    return {
      kind: 'missing_posting',
      missingIn: 'mes',
      explanation:
        erp === 'released'
          ? `${order} is released in the ERP but was never dispatched to the MES`
          : `${order} is in progress in the ERP but the MES holds no work order for it`,
      check:
        erp === 'released'
          ? `Dispatch ${order} to the MES (order release's dispatch step), or revert the release in the ERP if it should not run.`
          : `Find where production of ${order} is reported from; dispatch it to the MES if the line runs it.`,
    };
  }
  return { kind: 'status_mismatch', missingIn: null, ...mismatch(order, erp, mes) };
}

/** Why an ERP status and an MES status disagree, most specific first. */
function mismatch(order: string, erp: ProductionOrderStatus, mes: WorkOrderStatus): { explanation: string; check: string } {
  const open = erp === 'released' || erp === 'in_progress';
  const finished = erp === 'completed' || erp === 'closed';
  if (mes === 'completed' && open)
    return {
      explanation: `MES finished, ERP confirmation missing: the MES completed ${order}, the ERP still has it ${erp}`,
      check: `Check production-sync for ${order}'s confirmations (exceptions, dead letters) and post the completion in the ERP.`,
    };
  if (mes === 'aborted' && open)
    return {
      explanation: `the MES aborted the work order of ${order}, the ERP still has it ${erp} and expects production`,
      check: `Cancel ${order} in the ERP or dispatch it again; confirm any partial production first.`,
    };
  if (mes === 'aborted' && finished)
    return {
      explanation: `the ERP has ${order} ${erp}, but the MES aborted its work order`,
      check: `Check ${order}'s confirmations: the output the ERP booked may not have been produced.`,
    };
  if (ACTIVE.includes(mes) && finished)
    return {
      explanation: `the ERP has ${order} ${erp} while the MES still has its work order ${mes}`,
      check: `Confirm on the shop floor whether ${order} is still being produced; complete or abort the work order in the MES.`,
    };
  if (ACTIVE.includes(mes) && erp === 'cancelled')
    return {
      explanation: `${order} is cancelled in the ERP but its work order is still ${mes} in the MES`,
      check: `Abort the work order in the MES, or reinstate ${order} in the ERP if the line should run it.`,
    };
  if (ACTIVE.includes(mes) && erp === 'planned')
    return {
      explanation: `the MES has a ${mes} work order for ${order}, which the ERP has only planned (a release reverted after dispatch?)`,
      check: `Release ${order} in the ERP, or abort the work order in the MES.`,
    };
  // mes completed while the ERP has the order planned or cancelled
  return {
    explanation: `the MES completed a work order for ${order}, which the ERP has ${erp}`,
    check: `Find ${order}'s production confirmations; re-plan or reinstate the order in the ERP so the output is booked.`,
  };
}
