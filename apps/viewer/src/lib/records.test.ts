import { describe, expect, it } from 'vitest';
import { recordSummaries } from './records.js';

describe('recordSummaries', () => {
  it('describes each record with the schema package\'s own description', () => {
    const names = recordSummaries().map((r) => r.name);
    expect(names).toEqual(['article', 'entity', 'quote', 'claim', 'statement', 'claim-group', 'story']);
    expect(recordSummaries().find((r) => r.name === 'quote')!.description).toMatch(/reported to have said/);
  });
});
