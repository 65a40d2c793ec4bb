import express, { type ErrorRequestHandler, type Express } from 'express';
import { SCHEMA_VERSION, jsonSchemaModels, toJsonSchema, type Health, type JsonSchemaName, type Problem } from '@parallax/schema';
import { HttpProblem } from './problem.js';

export interface AppOptions {
  /** Largest request body accepted, e.g. "10mb". */
  bodyLimit?: string;
  version?: string;
}

function problemBody(status: number, title: string, instance: string, detail?: string, errors?: Problem['errors']): Problem {
  return { type: 'about:blank', title, status, instance, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

/** The Express application: routes and a problem-details error handler. `server.ts` is what listens. */
export function createApp(options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: options.bodyLimit ?? '10mb' }));

  const health = (): Health => ({ status: 'ok', version: options.version ?? '0.1.0' });
  app.get('/api/health', (_req, res) => void res.json(health()));
  app.get('/api/ready', (_req, res) => void res.json(health()));

  app.get('/api/schema', (_req, res) => void res.json({ schemaVersion: SCHEMA_VERSION, records: Object.keys(jsonSchemaModels) }));
  app.get('/api/schema/:name', (req, res) => {
    const name = req.params.name.replace(/\.json$/, '');
    if (!(name in jsonSchemaModels)) throw new HttpProblem(404, 'Not Found', `No record named "${name}". GET /api/schema lists them.`);
    res.json(toJsonSchema(name as JsonSchemaName));
  });

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
