import { describe, expect, it } from 'vitest';
import { ResponseCache, etagOf } from './response-cache.js';

describe('ResponseCache', () => {
  it('serves an entry until it expires, with a strong ETag of its body', () => {
    const cache = new ResponseCache(1000);
    const body = Buffer.from('{"a":1}');
    cache.set('/x', body, 0);
    expect(cache.get('/x', 999)).toMatchObject({ body, etag: etagOf(body) });
    expect(cache.get('/x', 1000)).toBeUndefined();
    expect(etagOf(body)).toMatch(/^"7-[\w-]{27}"$/);
    expect(etagOf(Buffer.from('{"a":2}'))).not.toBe(etagOf(body));
  });

  it('drops the oldest entries beyond its size, skips large bodies, and clears', () => {
    const cache = new ResponseCache(1000, 2, 10);
    cache.set('/a', Buffer.from('1'), 0);
    cache.set('/b', Buffer.from('2'), 0);
    cache.set('/c', Buffer.from('3'), 0);
    expect([cache.get('/a', 1), cache.get('/b', 1)?.body.toString(), cache.get('/c', 1)?.body.toString()]).toEqual([undefined, '2', '3']);
    cache.set('/big', Buffer.alloc(11), 0);
    expect(cache.get('/big', 1)).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing when its lifetime is 0', () => {
    const cache = new ResponseCache(0);
    cache.set('/a', Buffer.from('1'), 0);
    expect(cache.size).toBe(0);
  });
});
