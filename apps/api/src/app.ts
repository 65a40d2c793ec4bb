import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Problem } from '@parallax/schema';
import type { ZodType } from 'zod';
import { HttpProblem } from './problem.js';
import { routes } from './routes.js';

export interface AppOptions {
  /** Largest request body accepted, e.g. "10mb". */
  bodyLimit?: string;
  version?: string;
}

function problemBody(status: number, title: string, instance: string, detail?: string, errors?: Problem['errors']): Problem {
  return { type: 'about:blank', title, status, instance, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

function parseInput(schema: ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return where === 'body' ? undefined : {};
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw HttpProblem.fromZod(where, parsed.error);
  return parsed.data;
}

/** The Express application: routes and a problem-details error handler. `server.ts` is what listens. */
export function createApp(options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: options.bodyLimit ?? '10mb' }));

  // Every route comes from the table in routes.ts: its params, query and body are parsed with the
  // route's zod schemas (400 problem details naming the bad fields), then its handler runs.
  for (const route of routes) {
    app[route.method](route.path, async (req, res) => {
      const input = {
        params: parseInput(route.params, req.params, 'params'),
        query: parseInput(route.query, req.query, 'query'),
        body: parseInput(route.body, req.body, 'body'),
      };
      const result = await route.handler(input, { options, req, res });
      if (res.headersSent) return;
      if (result === undefined) res.status(route.status ?? 204).end();
      else res.status(route.status ?? 200).json(result);
    });
  }

  app.use((req, _res, next) => next(new HttpProblem(404, 'Not Found', `No route for ${req.method} ${req.path}.`)));

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    let problem: Problem;
    if (error instanceof HttpProblem) {
      problem = problemBody(error.status, error.title, req.originalUrl, error.detail, error.errors);
    } else if (error && typeof error === 'object' && 'type' in error && error.type === 'entity.too.large') {
      problem = problemBody(413, 'Content Too Large', req.originalUrl, `The request body is larger than the limit (${options.bodyLimit ?? '10mb'}).`);
    } else if (error && typeof error === 'object' && 'type' in error && error.type === 'entity.parse.failed') {
      problem = problemBody(400, 'Invalid JSON', req.originalUrl, 'The request body is not valid JSON.');
    } else {
      // Unexpected errors are logged server-side; clients get no stack trace.
      console.error(error);
      problem = problemBody(500, 'Internal Server Error', req.originalUrl, 'Something went wrong on our side.');
    }
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
  app.use(onError);
  return app;
}
