/** The sandbox's admin API as the benchmarks use it: the ledger (what the backends applied) and load fixtures. */
export interface LedgerRow {
  seq: number;
  at: string;
  plant: string;
  system: string;
  operation: string;
  idempotencyKey?: string | null;
  businessKey?: string | null;
}

export class SandboxAdmin {
  constructor(private readonly url: string) {}

  /** Entries so far (seq runs 1, 2, 3… and is never reused), i.e. the cursor for "since". */
  async ledgerHead(): Promise<number> {
    return this.count({});
  }

  async count(filter: Record<string, string | number>): Promise<number> {
    const q = new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)]));
    return ((await this.json(`/admin/ledger/count?${q}`)) as { count: number }).count;
  }

  /** Every entry after `since`, read in pages. */
  async entriesSince(since: number, filter: Record<string, string> = {}): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = [];
    for (let cursor = since; ; ) {
      const q = new URLSearchParams({ ...filter, since: String(cursor), limit: '5000' });
      const page = ((await this.json(`/admin/ledger?${q}`)) as { entries: LedgerRow[] }).entries;
      rows.push(...page);
      if (page.length < 5000) return rows;
      cursor = page[page.length - 1].seq;
    }
  }

  /** N copies of a production order with the stock they need (POST /admin/production-orders/clones). */
  async cloneOrders(plant: string, from: string, count: number, status: 'planned' | 'released'): Promise<string[]> {
    const res = (await this.json('/admin/production-orders/clones', { plant, from, count, status })) as { orders: string[] };
    return res.orders;
  }

  private async json(path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.url + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
}

/** Post-run latency: per unit, from its send instant to the last ledger entry that names it. */
export function lastEffectAt(rows: LedgerRow[], unitOf: (row: LedgerRow) => string | undefined): Map<string, number> {
  const last = new Map<string, number>();
  for (const row of rows) {
    const unit = unitOf(row);
    if (!unit) continue;
    const at = Date.parse(row.at);
    if (at > (last.get(unit) ?? 0)) last.set(unit, at);
  }
  return last;
}
