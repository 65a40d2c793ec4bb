// Opaque cursors for keyset pagination: the sort key values of the last row of a page, base64url JSON.

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor: pass the nextCursor of a previous page unchanged');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values of a cursor, checked against the expected types (a tampered cursor throws InvalidCursorError). */
export function decodeCursor(cursor: string, types: ReadonlyArray<'string' | 'number'>): Array<string | number> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(values) || values.length !== types.length) throw new InvalidCursorError();
  values.forEach((v, i) => {
    if (typeof v !== types[i]) throw new InvalidCursorError();
  });
  return values as Array<string | number>;
}
