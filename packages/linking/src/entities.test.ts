import { makeId, type Entity } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { resolveEntities, unitKey } from './entities.js';

const person = (name: string, articleIds: string[], roles: string[] = []): Entity => ({ id: makeId('entity', 'person', name.toLowerCase()), kind: 'person', name, aliases: [], roles, articleIds });
const art = (n: number) => makeId('article', n);

describe('resolveEntities', () => {
  it('joins a bare surname to the one person of that name in its story', () => {
    const full = person('Vladimir Putin', [art(1)]);
    const bare = person('Putin', [art(2)]);
    const { entities, remap } = resolveEntities({ entities: [full, bare] }, new Map([[art(1), 's'], [art(2), 's']]));
    expect(entities).toHaveLength(1);
    expect(entities[0]!.id).toBe(full.id);
    expect(entities[0]!.aliases).toContain('Putin');
    expect(remap.get(unitKey(art(2), bare.id))).toBe(full.id);
  });

  it('never merges Hillary, Chelsea and Bill Clinton, and leaves a bare "Clinton" alone when the story names several', () => {
    const es = [person('Hillary Clinton', [art(1)]), person('Chelsea Clinton', [art(2)]), person('Bill Clinton', [art(3)]), person('Clinton', [art(4)])];
    const story = new Map([1, 2, 3, 4].map((n) => [art(n), 's']));
    const { entities } = resolveEntities({ entities: es }, story);
    expect(entities.map((e) => e.name).sort()).toEqual(['Bill Clinton', 'Chelsea Clinton', 'Clinton', 'Hillary Clinton']);
  });

  it('uses a shared role as evidence when several people share the surname', () => {
    const es = [person('Hillary Clinton', [art(1)], ['Secretary of State']), person('Bill Clinton', [art(2)], ['former president']), person('Clinton', [art(3)], ['Secretary of State'])];
    const { entities, remap } = resolveEntities({ entities: es }, new Map([1, 2, 3].map((n) => [art(n), 's'])));
    expect(entities).toHaveLength(2);
    expect(remap.get(unitKey(art(3), es[2]!.id))).toBe(es[0]!.id);
  });

  it('resolves a bare surname story by story: the same "Clinton" can be different people in different stories', () => {
    const es = [person('Hillary Clinton', [art(1)]), person('Bill Clinton', [art(2)]), person('Clinton', [art(3), art(4)])];
    const { remap } = resolveEntities({ entities: es }, new Map([[art(1), 'a'], [art(3), 'a'], [art(2), 'b'], [art(4), 'b']]));
    expect(remap.get(unitKey(art(3), es[2]!.id))).toBe(es[0]!.id);
    expect(remap.get(unitKey(art(4), es[2]!.id))).toBe(es[1]!.id);
  });

  it('joins first-name variants with one surname ("John Kerry", "John F. Kerry") but not different first names', () => {
    const es = [person('John Kerry', [art(1)]), person('John F. Kerry', [art(2)]), person('Teresa Kerry', [art(3)])];
    const { entities } = resolveEntities({ entities: es }, new Map([1, 2, 3].map((n) => [art(n), 's'])));
    expect(entities.map((e) => e.name).sort()).toEqual(['John F. Kerry', 'Teresa Kerry']);
  });
});

describe('cleanPersonName', () => {
  it('keeps the name and drops datelines, titles and trailing words', async () => {
    const { cleanPersonName } = await import('./entities.js');
    expect(cleanPersonName('WASHINGTON — Susan E. Rice')).toBe('Susan E. Rice');
    expect(cleanPersonName('Arizona Sheriff Joe Arpaio')).toBe('Joe Arpaio');
    expect(cleanPersonName('Romney in a statement')).toBe('Romney');
    expect(cleanPersonName('Ky. –- Joe Biden')).toBe('Joe Biden');
    expect(cleanPersonName('Vladimir Putin')).toBe('Vladimir Putin');
  });

  it('compares names without accents: "Felipe Calderón" is "Felipe Calderon"', () => {
    const es = [person('Felipe Calderón', [art(1)]), person('Felipe Calderon', [art(2)])];
    const { entities } = resolveEntities({ entities: es }, new Map([[art(1), 's'], [art(2), 's']]));
    expect(entities).toHaveLength(1);
  });
});
