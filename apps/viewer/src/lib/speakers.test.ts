import { describe, expect, it } from 'vitest';
import { assignSpeakers, initials, PALETTE_SIZE, speakerClass, speakerKey } from './speakers.js';

const q = (name: string | null, entityId: string | null = null) => ({ speaker: name ? { name, entityId } : null });

describe('assignSpeakers', () => {
  it('orders by quote count, gives unique labels and keeps the unknown speaker last and uncoloured', () => {
    const speakers = assignSpeakers([q('Vladimir Putin', 'ent_0000000000000001'), q(null), q('Vladimir Putin', 'ent_0000000000000001'), q('U.N. statistics'), q('US')]);
    const list = [...speakers.values()];
    expect(list.map((s) => [s.name, s.label, s.colour, s.quotes])).toEqual([
      ['Vladimir Putin', 'VP', 0, 2],
      ['U.N. statistics', 'US', 1, 1],
      ['US', 'US2', 2, 1],
      ['Unattributed', '?', -1, 1],
    ]);
    expect(speakerClass(list[3])).toBe('sp-none');
    expect(speakerClass(list[0])).toBe('sp-0');
  });
  it('reuses palette colours past the palette size', () => {
    const names = Array.from({ length: PALETTE_SIZE + 2 }, (_, i) => q(`Speaker ${String.fromCharCode(65 + i)}`));
    const colours = [...assignSpeakers(names).values()].map((s) => s.colour);
    expect(Math.max(...colours)).toBe(PALETTE_SIZE - 1);
    expect(colours[PALETTE_SIZE]).toBe(0);
  });
  it('keys by entity, else by name', () => {
    expect(speakerKey(q('Putin', 'ent_0000000000000001'))).toBe('ent_0000000000000001');
    expect(speakerKey(q('Mr Putin'))).toBe('name:mr putin');
    expect(initials('Pentagon')).toBe('PE');
    expect(initials('Sergei Lavrov')).toBe('SL');
  });
});
