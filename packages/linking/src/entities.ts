// Cross-article entity resolution. The extractor names each entity by its fullest name in one article,
// so "Vladimir Putin" already has one id everywhere; what is left is an article that only says "Putin"
// or "Mr Putin", organisations written as initials, and descriptions ("the Russian president") used as
// names. Units are (article, extracted entity) pairs, so a bare surname can resolve to different people in
// different stories. A bare surname joins a full name only when exactly one person of that surname is
// named in the same story (or, when several are, exactly one shares a role with it): Hillary, Chelsea and
// Bill Clinton never merge with each other, and "Clinton" stays apart when the story names two of them.
import { makeId, type Bundle, type Entity, type EntityKind } from '@parallax/schema';
import { UnionFind } from './union-find.js';

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|mx|prof|professor|rev|fr)\.?$/i;
const PARTICLE = /^(?:al|el|de|da|di|van|von|der|le|la|bin|ibn)-/i;

/** Words that stand before a name as a title or description, not as part of it. */
const TITLE =
  /^(?:president|vice|prime|minister|secretary|sen|senator|rep|representative|gov|governor|mayor|judge|justice|gen|general|capt|captain|col|colonel|lt|sgt|adm|admiral|cmdr|sheriff|adviser|advisor|aide|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|director|chief|leader|speaker|ambassador|deputy|former|first|lady|queen|king|prince|princess|pope|attorney|commissioner|candidate|nominee|chancellor|officer|navy|army|state|house|senate|rev|gop|dem|democrat|republican|mr|mrs|ms|miss|dr|sir|dame|lord|mx|prof|professor|fr)\.?$/i;

/**
 * The person's name inside what the extractor gave as one ("WASHINGTON — Susan E. Rice", "Arizona
 * Sheriff Joe Arpaio", "Romney in a statement"): the last run of capitalised words that are not titles,
 * datelines or all-capital place names. Falls back to the whole text.
 */
export function cleanPersonName(name: string): string {
  const words = name.replace(/[’']s$/i, '').split(/\s+/).filter(Boolean);
  let end = -1;
  let start = -1;
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    const shouted = w.length > 2 && w === w.toUpperCase() && !/\./.test(w); // a dateline: WASHINGTON
    const abbreviation = /^\p{Lu}\p{Ll}?\.$/u.test(w); // "Ky.", and initials, taken only inside a name
    const nameLike = /^\p{Lu}/u.test(w) && !TITLE.test(w) && !shouted && !abbreviation;
    const initial = /^\p{Lu}\.$/u.test(w);
    if (nameLike || (initial && end >= 0)) {
      if (end < 0) end = k;
      start = k;
    } else if (end >= 0) break;
  }
  return end < 0 ? name : words.slice(start, end + 1).join(' ');
}

/** Name tokens of a person, without honorifics, titles or accents; "al-Assad" compares as "assad". */
export function personNameTokens(name: string): string[] {
  return cleanPersonName(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/)
    .map((t) => t.replace(/[.,]/g, '').toLowerCase())
    .filter((t) => t.length > 0 && !HONORIFIC.test(t))
    .map((t) => t.replace(PARTICLE, ''));
}

/** A normalised form for comparing names: lower case, no leading article, single spaces. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

/** Do two first-name tokens fit one person ("john" / "john", "j" / "john")? */
function firstNamesFit(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/** The key under which the rewritten records look up their entity: one article's view of one entity. */
export const unitKey = (articleId: string, entityId: string): string => `${articleId}|${entityId}`;

export interface EntityResolution {
  entities: Entity[];
  /** unitKey(articleId, old entity id) -> resolved entity id. */
  remap: Map<string, string>;
}

interface Unit {
  entity: Entity;
  articleId: string;
  story: string;
  tokens: string[];
}

/**
 * Resolve the bundle's entities across articles. `storyOf` gives each article's story (articles with no
 * entry form a story of their own); resolution of bare surnames and initials never crosses stories.
 */
export function resolveEntities(bundle: Pick<Bundle, 'entities'>, storyOf: ReadonlyMap<string, string> = new Map()): EntityResolution {
  const units: Unit[] = [];
  for (const e of bundle.entities)
    for (const a of e.articleIds) units.push({ entity: e, articleId: a, story: storyOf.get(a) ?? a, tokens: e.kind === 'person' ? personNameTokens(e.name) : [] });
  const uf = new UnionFind(units.length);

  // One extracted id is one name everywhere: its units are the same entity, except bare surnames and
  // initials, which are re-decided story by story below.
  const byIdStory = new Map<string, number>();
  const byId = new Map<string, number>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const bare = u.entity.kind === 'person' && u.tokens.length < 2;
    const key = bare ? `${u.entity.id}|${u.story}` : u.entity.id;
    const seen = (bare ? byIdStory : byId).get(key);
    if (seen === undefined) (bare ? byIdStory : byId).set(key, i);
    else uf.union(seen, i);
  }

  // Per story: full-name people by surname, organisations by initials.
  const stories = new Map<string, number[]>();
  for (let i = 0; i < units.length; i++) {
    const s = units[i]!.story;
    let list = stories.get(s);
    if (!list) stories.set(s, (list = []));
    list.push(i);
  }
  for (const members of stories.values()) {
    const fullBySurname = new Map<string, number[]>();
    for (const i of members) {
      const u = units[i]!;
      if (u.entity.kind !== 'person' || u.tokens.length < 2) continue;
      const key = u.tokens[u.tokens.length - 1]!;
      let list = fullBySurname.get(key);
      if (!list) fullBySurname.set(key, (list = []));
      list.push(i);
    }
    // Full names of one person: same surname, fitting first names ("John Kerry", "John F. Kerry").
    for (const list of fullBySurname.values())
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const a = units[list[x]!]!.tokens;
          const b = units[list[y]!]!.tokens;
          if (firstNamesFit(a[0]!, b[0]!)) uf.union(list[x]!, list[y]!);
        }
    for (const i of members) {
      const u = units[i]!;
      if (u.entity.kind !== 'person' || u.tokens.length !== 1) continue;
      const candidates = fullBySurname.get(u.tokens[0]!) ?? [];
      const people = new Map<number, number>();
      for (const c of candidates) people.set(uf.find(c), c);
      let target: number | undefined;
      if (people.size === 1) target = [...people.values()][0];
      else if (people.size > 1) {
        const roles = new Set(u.entity.roles.map(normaliseName));
        const withRole = [...people.values()].filter((c) => units[c]!.entity.roles.some((r) => roles.has(normaliseName(r))));
        if (withRole.length === 1) target = withRole[0];
      }
      if (target !== undefined) uf.union(i, target);
    }
    // Organisations named by their initials in one article and in full in another ("U.N." / "United Nations").
    const orgs = members.filter((i) => units[i]!.entity.kind === 'organisation');
    const byInitials = new Map<string, number[]>();
    for (const i of orgs) {
      const ini = initials(units[i]!.entity.name);
      if (ini.length < 2) continue;
      let list = byInitials.get(ini);
      if (!list) byInitials.set(ini, (list = []));
      list.push(i);
    }
    for (const i of orgs) {
      const compact = units[i]!.entity.name.replace(/[.\s]/g, '').toLowerCase();
      if (!/^[a-z]{2,6}$/.test(compact) || units[i]!.entity.name.replace(/[.\s]/g, '') !== units[i]!.entity.name.replace(/[.\s]/g, '').toUpperCase()) continue;
      const full = (byInitials.get(compact) ?? []).filter((j) => units[j]!.entity.name.split(/\s+/).length >= 2);
      const roots = new Set(full.map((j) => uf.find(j)));
      if (roots.size === 1) uf.union(i, full[0]!);
    }
  }

  const remap = new Map<string, string>();
  const out = new Map<string, Entity>();
  for (const group of uf.groups()) {
    const us = group.map((i) => units[i]!);
    const kind: EntityKind = us[0]!.entity.kind;
    // The canonical name: the fullest (most name tokens), then the most often seen, then the longest.
    const counts = new Map<string, number>();
    for (const u of us) {
      const shown = kind === 'person' ? cleanPersonName(u.entity.name) : u.entity.name;
      counts.set(shown, (counts.get(shown) ?? 0) + 1);
    }
    const names = [...counts.keys()].sort(
      (a, b) => personNameTokens(b).length - personNameTokens(a).length || counts.get(b)! - counts.get(a)! || b.length - a.length || a.localeCompare(b),
    );
    const name = names[0]!;
    const id = makeId('entity', kind, name.toLowerCase());
    let entity = out.get(id);
    if (!entity) out.set(id, (entity = { id, kind, name, aliases: [], roles: [], articleIds: [] }));
    const aliases = new Set(entity.aliases);
    const roles = new Set(entity.roles);
    const articles = new Set(entity.articleIds);
    for (const u of us) {
      remap.set(unitKey(u.articleId, u.entity.id), id);
      articles.add(u.articleId);
      if (u.entity.name !== name) aliases.add(u.entity.name);
      for (const a of u.entity.aliases) if (a.toLowerCase() !== name.toLowerCase() && !/\n/.test(a)) aliases.add(a);
      for (const r of u.entity.roles) if (!/\n/.test(r) && r.length <= 80) roles.add(r);
    }
    entity.aliases = foldAliases(aliases);
    entity.roles = [...roles].sort();
    entity.articleIds = [...articles].sort();
  }
  return { entities: [...out.values()].sort((a, b) => a.id.localeCompare(b.id)), remap };
}

/** Aliases that differ only in case are one alias (the capitalised spelling kept); sorted. */
function foldAliases(aliases: Iterable<string>): string[] {
  const byLower = new Map<string, string>();
  for (const a of [...aliases].sort()) {
    const k = a.toLowerCase();
    const had = byLower.get(k);
    if (!had || (/^\p{Ll}/u.test(had) && /^\p{Lu}/u.test(a))) byLower.set(k, a);
  }
  return [...byLower.values()].sort();
}

/**
 * One entity from two records of it (the linker's, and one stored for articles the linker did not see):
 * articles, aliases and roles united, the linker's name and kind kept.
 */
export function mergeEntity(linked: Entity, stored: Entity): Entity {
  return {
    ...linked,
    aliases: foldAliases([...linked.aliases, ...stored.aliases].filter((a) => a.toLowerCase() !== linked.name.toLowerCase())),
    roles: [...new Set([...linked.roles, ...stored.roles])].sort(),
    articleIds: [...new Set([...linked.articleIds, ...stored.articleIds])].sort(),
  };
}

/**
 * Find the entity a bare name or description refers to in one article ("the Russian president", "Mr
 * Putin"), by the aliases and roles resolution gathered. Returns null when none or several fit.
 */
export function entityByAlias(entities: readonly Entity[], articleId: string, name: string): Entity | null {
  const n = normaliseName(name);
  let found: Entity | null = null;
  for (const e of entities) {
    if (!e.articleIds.includes(articleId)) continue;
    if (normaliseName(e.name) === n || e.aliases.some((a) => normaliseName(a) === n)) {
      if (found && found.id !== e.id) return null;
      found = e;
    }
  }
  return found;
}
