// End to end in real Chromium: a real API on a temporary SQLite store seeded with the corpus (through
// the built CLI) and the built viewer (node build/index.js), driven by playwright-core. Skips when
// Debian's chromium or a build is missing. Screenshots go to apps/viewer/test-results/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const viewerDir = fileURLToPath(new URL('..', import.meta.url));
const repo = join(viewerDir, '../..');
const cli = join(repo, 'apps/cli/bin/parallax.js');
const apiServer = join(repo, 'apps/api/dist/server.js');
const viewerServer = join(viewerDir, 'build/index.js');
const results = join(viewerDir, 'test-results');
const ready = existsSync(chromiumPath) && existsSync(viewerServer) && existsSync(apiServer) && existsSync(cli);

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up:\n${output()}`);
}

function start(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out.slice(-4000) };
}

describe.skipIf(!ready)('viewer end to end (Chromium)', () => {
  let dir: string;
  let api: ReturnType<typeof start>;
  let web: ReturnType<typeof start>;
  let apiUrl: string;
  let base: string;
  let browser: Browser;
  let axeSource: string;
  let storyId: string;
  let refugee: { id: string; articleIds: string[]; quoteIds: string[] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-viewer-e2e-'));
    mkdirSync(results, { recursive: true });
    const db = join(dir, 'store.db');
    const seed = spawnSync(process.execPath, [cli, 'ingest', join(repo, 'corpus'), join(viewerDir, 'test/fixtures/hostile'), '--db', db], { encoding: 'utf8', cwd: repo });
    if (seed.status !== 0) throw new Error(`parallax ingest failed (${seed.status}):\n${seed.stderr}`);
    const [apiPort, webPort] = [await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    base = `http://127.0.0.1:${webPort}`;
    api = start(apiServer, { PARALLAX_DB: db, PARALLAX_API_PORT: String(apiPort), PARALLAX_API_HOST: '127.0.0.1', PARALLAX_LOG_LEVEL: 'warn' });
    await waitFor(`${apiUrl}/api/health`, api.child, api.output);
    web = start(viewerServer, { PORT: String(webPort), HOST: '127.0.0.1', PARALLAX_API_URL: apiUrl, ORIGIN: base });
    await waitFor(base, web.child, web.output);

    const stories = (await (await fetch(`${apiUrl}/api/stories`)).json()) as { items: { id: string; articleIds: string[] }[] };
    const seedStory = stories.items.sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
    if (!seedStory) throw new Error('the store has no story after ingesting the corpus');
    storyId = seedStory.id;
    const story = (await (await fetch(`${apiUrl}/api/stories/${storyId}`)).json()) as { statements: { id: string; text: string; articleIds: string[]; quoteIds: string[] }[] };
    const found = story.statements.filter((s) => /refugee/i.test(s.text)).sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
    if (!found) throw new Error('the seed story has no statement about refugees');
    refugee = found;

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    axeSource = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of [web, api]) if (s?.child.exitCode === null) s.child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs axe-core in the page; returns the serious and critical violations. */
  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
      const r = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
  }

  it('opens the seed story, the comparison, selects the refugee statement and shows each outlet\'s rendering', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.screenshot({ path: join(results, 'stories.png'), fullPage: true });
    await page.click(`a[href="/stories/${storyId}"]`);
    await page.waitForURL(`**/stories/${storyId}`);
    await expect.poll(() => page.locator('h2#coverage-h').count()).toBe(1);
    expect(await page.locator('table.matrix tbody tr').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(results, 'story.png'), fullPage: true });

    await page.click('text=Compare articles side by side');
    await page.waitForURL('**/compare?**');
    await expect.poll(() => page.locator('article.column').count()).toBeGreaterThanOrEqual(2);

    // Pick the refugee statement from a column that renders it (showing that article if needed).
    const shown = await page.locator('article.column').evaluateAll((cols) => cols.map((c) => c.getAttribute('aria-labelledby')!.slice(2)));
    if (!refugee.articleIds.some((id) => shown.includes(id))) {
      await page.goto(`${base}/stories/${storyId}/compare?a=${refugee.articleIds[0]}&a=${refugee.articleIds[1]}`);
    }
    const badge = page.locator(`.column-body a.badge[href*="s=${refugee.id}"]`).first();
    await badge.click();
    await page.waitForURL(`**s=${refugee.id}**`);
    const renderings = page.locator('#selection .renderings li:not(.absent) .rendering');
    await expect.poll(() => renderings.count()).toBe(refugee.articleIds.length);
    const texts = await renderings.allInnerTexts();
    const detail = (await (await fetch(`${apiUrl}/api/statements/${refugee.id}`)).json()) as { quotes: { text: string }[] };
    expect(texts.map((t) => t.replace(/^“|”$/g, '')).sort()).toEqual(detail.quotes.map((q) => q.text).sort());
    expect(texts.join(' ')).toMatch(/refugee/i);
    expect(await page.locator('.column-body .sel').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(results, 'compare-refugee.png'), fullPage: false });

    await page.click('text=Word-by-word differences between the renderings');
    await page.waitForURL(`**/statements/${refugee.id}`);
    expect(await page.locator('ol.variants > li').count()).toBe(refugee.quoteIds.length - 1);
    expect(await page.locator('.diff ins, .diff del').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(results, 'statement.png'), fullPage: true });

    // The theme toggle, enhanced: applied at once, saved for the next page load.
    await page.click('button[name="theme"][value="dark"]');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'parallax-theme')?.value).toBe('dark');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(251, 250, 247)');
    await page.screenshot({ path: join(results, 'statement-dark.png'), fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('searches: each result names its article and links a quote to how every outlet rendered it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/search?q=refugees&type=quote`);
    const hits = page.locator('ol.hits li');
    expect(await hits.count()).toBeGreaterThan(2);
    // Named from the hit itself: an outlet or "Unnamed outlet (file)", then the headline.
    const names = await page.locator('ol.hits li p.kind a').allTextContents();
    for (const name of names) expect(name).toMatch(/^(?!art_)\S/);
    expect(names.some((n) => /^.+: \S/.test(n))).toBe(true);
    const link = page.locator(`ol.hits a[href="/statements/${refugee.id}"]`).first();
    expect(await link.count()).toBe(1);
    await page.screenshot({ path: join(results, 'search.png'), fullPage: true });
    await link.click();
    await page.waitForURL(`**/statements/${refugee.id}`);
    await page.close();
  });

  it('works without JavaScript: the selection is a plain link and the theme toggle a form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/stories/${storyId}/compare`);
    const href = await page.locator(`.column-body a.badge`).first().getAttribute('href');
    expect(href).toMatch(/[?&](s|q)=/);
    await page.goto(`${base}/stories/${storyId}/compare?a=${refugee.articleIds[0]}&a=${refugee.articleIds[1]}&s=${refugee.id}`);
    expect(await page.locator('#selection .renderings li:not(.absent)').count()).toBe(refugee.articleIds.length);
    await page.screenshot({ path: join(results, 'compare-phone-nojs.png'), fullPage: false });
    await page.click('button[name="theme"][value="dark"]');
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(page.url()).toContain(`s=${refugee.id}`);
    await page.screenshot({ path: join(results, 'compare-phone-dark.png'), fullPage: false });
    await context.close();
  }, 60_000);

  it('has no serious or critical accessibility violations on any page, in either theme', async () => {
    const statement = (await (await fetch(`${apiUrl}/api/statements/${refugee.id}`)).json()) as { speaker: { id: string } | null; quotes: { articleId: string }[] };
    const story = (await (await fetch(`${apiUrl}/api/stories/${storyId}`)).json()) as { claimGroups: { id: string; articleIds: string[] }[] };
    const claim = [...story.claimGroups].sort((a, b) => b.articleIds.length - a.articleIds.length)[0]!;
    const pages = [
      '/',
      `/stories/${storyId}`,
      `/stories/${storyId}/compare?s=${refugee.id}`,
      `/statements/${refugee.id}`,
      `/entities/${statement.speaker!.id}`,
      `/claims/${claim.id}`,
      `/articles/${statement.quotes[0]!.articleId}`,
      '/search?q=refugees',
      '/stories/sty_0000000000000000',
    ];
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      // bypassCSP: the page's CSP would (rightly) refuse the injected axe script.
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const [i, path] of pages.entries()) {
        await page.goto(base + path);
        for (const v of await axe(page)) problems.push(`${scheme} ${path}: ${v}`);
        if (scheme === 'light') await page.screenshot({ path: join(results, `page-${i}-${(path.split(/[/?]/)[1] || 'home').replace(/[^a-z]/g, '')}.png`), fullPage: false });
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows keyboard focus, starting with a skip link, and Escape clears a selection', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/stories/${storyId}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // Escape clears a compare selection.
    await page.goto(`${base}/stories/${storyId}/compare?s=${refugee.id}`);
    expect(await page.locator('#selection').count()).toBe(1);
    // The key works once the page is hydrated, which the link announces; pressing earlier would be lost.
    await page.locator('#selection a.close[aria-keyshortcuts="Escape"]').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.search.includes('s='));
    await expect.poll(() => page.locator('#selection').count()).toBe(0);
    await page.close();
  });

  it('renders a hostile article as inert text: no script runs, no handler or javascript: link reaches the page', async () => {
    const list = (await (await fetch(`${apiUrl}/api/articles?limit=200`)).json()) as { items: { id: string; sourcePath: string | null }[] };
    const hostile = list.items.filter((a) => a.sourcePath?.includes('hostile'));
    expect(hostile.length).toBe(2);
    // bypassCSP: the markup itself must be inert, not just blocked by the Content-Security-Policy.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const a of hostile) {
      await page.goto(`${base}/articles/${a.id}`);
      await page.mouse.move(200, 300);
      for (const link of await page.locator('.article-text a').all()) await link.hover().catch(() => {});
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((at) => at.name.startsWith('on')).map((at) => `${el.tagName}@${at.name}`)),
        jsLinks: [...document.querySelectorAll('[href],[src],[action]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '').filter((v) => /^\s*javascript:/i.test(v)),
        // Only the app's own scripts: external ones from this origin, and Kit's boot script (whose data has every '<' escaped).
        scripts: [...document.scripts].filter((s) => (s.src ? new URL(s.src).origin !== location.origin : !(s.textContent ?? '').includes('kit.start(') || (s.textContent ?? '').includes('<'))).map((s) => s.outerHTML.slice(0, 200)),
        foreign: document.querySelectorAll('main iframe, main svg:not([aria-hidden]), main img, main object, main embed').length,
        text: document.querySelector('main')!.textContent ?? '',
      }));
      expect(state).toMatchObject({ pwned: null, handlers: [], jsLinks: [], scripts: [], foreign: 0 });
      await page.screenshot({ path: join(results, `hostile-${a.id}.png`), fullPage: true });
      if (a.sourcePath!.endsWith('.txt')) expect(state.text).toContain("<script>window.__pwned = 'quote'</script>");
    }
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);
});
