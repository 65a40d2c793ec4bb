import type { Problem } from '@parallax/schema';
import type { ZodError } from 'zod';

/** An error that becomes an RFC 9457 problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
  ) {
    super(detail ?? title);
  }

  static fromZod(where: 'query' | 'body' | 'params', error: ZodError): HttpProblem {
    return new HttpProblem(
      400,
      'Invalid request',
      `The request ${where} has ${error.issues.length} invalid field(s).`,
      error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message })),
    );
  }
}
