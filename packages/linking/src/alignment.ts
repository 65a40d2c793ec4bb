// Word-level alignment of two renderings of one statement, for the viewer: jsdiff's word diff (Myers'
// O(ND) algorithm on word tokens), with adjacent deletions and insertions folded into one replace.
import { diffWords } from 'diff';
import type { AlignmentOp } from '@parallax/schema';

/** Align `variant` against `reference` word by word (case counts: a changed capital is a change). */
export function alignWords(reference: string, variant: string): AlignmentOp[] {
  const parts = diffWords(reference, variant);
  const ops: AlignmentOp[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const text = p.value.trim();
    if (p.removed) {
      const next = parts[k + 1];
      if (next?.added) {
        ops.push({ op: 'replace', reference: text, variant: next.value.trim() });
        k++;
      } else ops.push({ op: 'delete', reference: text, variant: '' });
    } else if (p.added) ops.push({ op: 'insert', reference: '', variant: text });
    else if (text) ops.push({ op: 'equal', reference: text, variant: text });
  }
  // A stretch that is only whitespace on one side carries no words: drop it.
  return ops.filter((o) => o.reference !== '' || o.variant !== '');
}
