/** Opaque list cursor: the last row's createdAt and id (rows are listed newest first). */
export interface DeadLetterCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: DeadLetterCursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(text: string): DeadLetterCursor | undefined {
  const [time, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}
