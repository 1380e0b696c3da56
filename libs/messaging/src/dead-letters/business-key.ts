/**
 * The business key of a job payload, for finding dead letters by order or transfer: an event's
 * `subject`, else `<plant>/<productionOrder|transfer|cursorId>` from the catalogue's payload fields.
 */
export function businessKeyOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.subject === 'string') return p.subject;
  const key = [p.productionOrder, p.transfer, p.cursorId].find((v) => typeof v === 'string') as string | undefined;
  if (!key) return null;
  return typeof p.plant === 'string' ? `${p.plant}/${key}` : key;
}

export function correlationIdOf(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return 'unknown';
  const p = payload as Record<string, unknown>;
  const id = p.correlationId ?? p.correlationid;
  return typeof id === 'string' ? id : 'unknown';
}
