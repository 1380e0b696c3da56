import { InvalidForBackendError } from '@plantsync/connectors';

/** Position in a list that walks the landscape's plants in order: plant index + that plant's cursor. */
export interface CrossPlantPosition {
  plant: number;
  cursor?: string;
}

export function encodeCrossPlantCursor(position: CrossPlantPosition): string {
  return Buffer.from(JSON.stringify({ p: position.plant, c: position.cursor }), 'utf8').toString(
    'base64url',
  );
}

export function decodeCrossPlantCursor(cursor: string | undefined): CrossPlantPosition {
  if (!cursor) return { plant: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      p?: unknown;
      c?: unknown;
    };
    if (
      Number.isInteger(parsed.p) &&
      (parsed.p as number) >= 0 &&
      (parsed.c === undefined || typeof parsed.c === 'string')
    )
      return { plant: parsed.p as number, cursor: parsed.c as string | undefined };
  } catch {
    // fall through
  }
  throw new InvalidForBackendError(
    'cursor is not one this API issued',
    'invalid-cursor',
    {},
    { field: 'cursor' },
  );
}
