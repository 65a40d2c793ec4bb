// A readable summary of a bundle for people: one block per article, its quotes and claims.
import type { Bundle } from '@parallax/schema';

const clip = (text: string, width: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
};
const pad = (text: string, width: number) => clip(text, width).padEnd(width);

export function formatTable(bundle: Bundle): string {
  const outlets = new Map(bundle.outlets.map((o) => [o.id, o.name]));
  const lines: string[] = [];
  for (const a of bundle.articles) {
    lines.push(`${a.sourcePath ?? '-'}  ${a.outletId ? outlets.get(a.outletId) : 'unknown outlet'}  ${a.publishedAt ?? 'undated'}`);
    lines.push(`  ${a.headline ? clip(a.headline, 100) : '(no headline)'}  [${a.wordCount} words]`);
    const quotes = bundle.quotes.filter((q) => q.articleId === a.id);
    const claims = bundle.claims.filter((c) => c.articleId === a.id);
    lines.push(`  ${quotes.length} quotes`);
    for (const q of quotes) lines.push(`    ${pad(q.speaker?.name ?? '(unattributed)', 22)} ${pad(q.kind, 8)} ${clip(q.text, 90)}`);
    lines.push(`  ${claims.length} claims`);
    for (const c of claims) lines.push(`    ${pad(c.attribution?.name ?? '(outlet)', 22)} ${pad(c.kind, 10)} ${clip(c.text, 88)}`);
    lines.push('');
  }
  if (bundle.errors.length) {
    lines.push(`${bundle.errors.length} input(s) failed:`);
    for (const e of bundle.errors) lines.push(`  ${e.input}: ${e.code}`);
  }
  return lines.join('\n') + '\n';
}
