import type { InputError } from '@parallax/schema';

/** The failure kinds an input can have, the same enum as the schema's InputError.code. */
export type SourceErrorCode = InputError['code'];

/**
 * A source that cannot become an article. `input` names it as the caller gave it, `code` is the
 * schema's InputError code and the message says what went wrong and what to do next, so a CLI or an
 * API can turn it into an InputError record as is: `{ input, code, message }`.
 */
export class SourceError extends Error {
  readonly code: SourceErrorCode;
  readonly input: string;

  constructor(code: SourceErrorCode, input: string, message: string) {
    super(message);
    this.name = 'SourceError';
    this.code = code;
    this.input = input;
  }

  /** The schema's InputError record for this failure. */
  toInputError(): InputError {
    return { input: this.input, code: this.code, message: this.message };
  }
}

/** How an input is named in messages: its name, or "standard input" for "-". */
export function describeInput(name: string): string {
  return name === '-' || name === '' ? 'standard input' : name;
}
