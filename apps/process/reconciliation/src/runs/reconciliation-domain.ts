/**
 * What a run can reconcile: inventory (ERP vs WMS stock), orders (ERP production orders vs MES work
 * orders), master_data (WMS and MES items vs the ERP item master, and the plants' ERPs vs each other).
 */
export const RECONCILIATION_DOMAINS = ['inventory', 'orders', 'master_data'] as const;
export type ReconciliationDomain = (typeof RECONCILIATION_DOMAINS)[number];

export const isReconciliationDomain = (domain: string): domain is ReconciliationDomain =>
  (RECONCILIATION_DOMAINS as readonly string[]).includes(domain);
