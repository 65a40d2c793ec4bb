import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../generate-docs.js';
import { docsDir } from '../paths.js';
import { compareGenerated, DOCS_COMMAND } from './docs-current.js';

describe('docs-current', () => {
  it.each(generatedDocs.map((d) => [d.file, d]))('docs/%s is committed and current', async (file, doc) => {
    const path = join(docsDir, file);
    const actual = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const problem = compareGenerated(`docs/${file}`, actual, await doc.generate());
    expect(problem?.message ?? null, `docs/${file} differs from the generator's output: run \`${DOCS_COMMAND}\``).toBeNull();
  });

  it('reports a stale file at its first differing line, and a missing one', () => {
    const fresh = '# Title\n\nline a\nline b\n';
    expect(compareGenerated('docs/x.md', fresh, fresh)).toBeNull();
    expect(compareGenerated('docs/x.md', '# Title\n\nline a\nold b\n', fresh)).toEqual({
      file: 'docs/x.md',
      line: 4,
      message: `docs/x.md is stale (expected "line b"); run \`${DOCS_COMMAND}\` and commit the result`,
    });
    expect(compareGenerated('docs/x.md', '# Title\n', fresh)?.line).toBe(3);
    expect(compareGenerated('docs/x.md', null, fresh)?.message).toContain('is missing');
  });
});
