import { Health, Problem } from '@parallax/schema';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';

describe('api shell', () => {
  const app = createApp({ bodyLimit: '1kb' });

  it('answers health with the schema shape', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(Health.parse(res.body).status).toBe('ok');
  });

  it('serves JSON Schema from the schema package', async () => {
    const res = await request(app).get('/api/schema/quote').expect(200);
    expect(res.body.properties.kind.enum).toEqual(['direct', 'partial', 'mixed', 'indirect']);
  });

  it('answers unknown routes with RFC 9457 problem details', async () => {
    const res = await request(app).get('/api/nope').expect(404).expect('content-type', /application\/problem\+json/);
    const problem = Problem.parse(JSON.parse(res.text));
    expect(problem).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/nope' });
  });

  it('answers an oversized body with 413 and broken JSON with 400, no stack trace', async () => {
    const big = await request(app).post('/api/schema').set('content-type', 'application/json').send(JSON.stringify({ text: 'x'.repeat(5000) })).expect(413);
    expect(JSON.parse(big.text).title).toBe('Content Too Large');
    const broken = await request(app).post('/api/schema').set('content-type', 'application/json').send('{"text": ').expect(400);
    expect(broken.text).not.toMatch(/at .*\.js/);
  });
});
