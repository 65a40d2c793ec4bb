// The small SQL surface both backends provide, so the store's logic is written once. SQL is written with
// `?` placeholders; the PostgreSQL executor numbers them ($1, $2, ...). Values are always parameters.

export type SqlValue = string | number | null;

export interface Queryer {
  /** Rows of a query. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Run a statement; returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Insert many rows with one prepared statement (SQLite) or multi-row VALUES (PostgreSQL). */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], tail?: string): Promise<void>;
}

export interface Executor extends Queryer {
  /** Run fn in one transaction: all its writes or none. Transactions never interleave. */
  tx<T>(fn: (q: Queryer) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?,?,?` for n parameters. */
export function marks(n: number): string {
  return new Array<string>(n).fill('?').join(',');
}

/** Split a list into chunks, so IN lists and VALUES stay under the backends' parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A promise-chain mutex: one transaction at a time on a shared connection. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
