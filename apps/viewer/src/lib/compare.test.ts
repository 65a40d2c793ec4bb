import { describe, expect, it } from 'vitest';
import { compareQuery, readCompareParams } from './compare.js';

const ids = ['art_0000000000000001', 'art_0000000000000002', 'art_0000000000000003', 'art_0000000000000004', 'art_0000000000000005', 'art_0000000000000006'];

describe('readCompareParams', () => {
  it('defaults to the first three articles', () => {
    expect(readCompareParams(new URLSearchParams(), ids)).toMatchObject({ articleIds: ids.slice(0, 3), notice: null, statementId: null });
  });
  it('keeps the requested order, caps at five and drops unknown ids', () => {
    const p = new URLSearchParams([['a', ids[4]!], ['a', ids[0]!], ['a', 'art_ffffffffffffffff'], ['s', 'stm_18ecd2a6d8304c77']]);
    const r = readCompareParams(p, ids);
    expect(r.articleIds).toEqual([ids[4], ids[0]]);
    expect(r.statementId).toBe('stm_18ecd2a6d8304c77');
    expect(r.notice).toMatch(/not in this story/);
    expect(readCompareParams(new URLSearchParams(ids.map((id) => ['a', id])), ids).articleIds).toHaveLength(5);
  });
  it('fills up to two columns and rejects malformed selections', () => {
    const r = readCompareParams(new URLSearchParams([['a', ids[2]!], ['s', 'javascript:alert(1)']]), ids);
    expect(r.articleIds).toEqual([ids[2], ids[0]]);
    expect(r.statementId).toBeNull();
  });
  it('round-trips through compareQuery', () => {
    const query = compareQuery(ids.slice(0, 2), { statementId: 'stm_18ecd2a6d8304c77' });
    expect(readCompareParams(new URLSearchParams(query), ids)).toMatchObject({ articleIds: ids.slice(0, 2), statementId: 'stm_18ecd2a6d8304c77' });
  });
});
