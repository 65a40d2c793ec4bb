// Loads a monorepo into a model the checks share: its workspaces (from the root package.json
// `workspaces`), their manifests, and every source file parsed once with ts-morph, with its imports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';

export type WorkspaceKind = 'package' | 'app' | 'tool' | 'other';

export const dependencyFields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export type DependencyField = (typeof dependencyFields)[number];

export interface PackageJson {
  name?: string;
  workspaces?: string[] | { packages?: string[] };
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface DeclaredDependency {
  name: string;
  field: DependencyField;
  /** 1-based line of the entry in package.json. */
  line: number;
}

export interface Workspace {
  name: string;
  /** Absolute directory. */
  dir: string;
  /** Directory relative to the repo root, with forward slashes ("packages/schema"). */
  rel: string;
  /** packages/* are packages, apps/* apps, tools/* tools. */
  kind: WorkspaceKind;
  manifest: PackageJson;
  manifestPath: string;
  dependencies: DeclaredDependency[];
  files: SourceInfo[];
}

export interface ImportRef {
  specifier: string;
  line: number;
  /** `import type`, `export type`, or every named binding marked `type`: erased at run time. */
  typeOnly: boolean;
  /** `import()` or `require()`: loaded lazily, so it cannot make an initialisation cycle. */
  dynamic: boolean;
}

export interface SourceInfo {
  /** Absolute path of the file on disk (the .svelte file for Svelte components). */
  path: string;
  /** Path relative to the repo root, forward slashes: what problems print. */
  rel: string;
  workspace: Workspace;
  /** Tests, fixtures, benchmarks, evals and scripts: code that does not ship. */
  isTest: boolean;
  /** The file's text as on disk. */
  text: string;
  /** The TypeScript AST (for Svelte components, of their scripts). */
  ast: ts.SourceFile;
  /** The ts-morph view of the same code, made on first use. */
  readonly sourceFile: SourceFile;
  imports: ImportRef[];
}

export interface Repo {
  root: string;
  rootManifest: PackageJson;
  workspaces: Workspace[];
  byName: Map<string, Workspace>;
  files: SourceInfo[];
  project: Project;
}

const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?|svelte)$/;
/** Build output, caches and installed packages are not the repo's own code. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.svelte-kit', '.turbo', '.git', '.vite']);
const TEST_FILE = /\.(?:test|spec|bench)\.[cm]?[jt]sx?$/;
const NON_SHIPPING_DIRS = new Set(['test', 'tests', '__tests__', 'fixtures', 'bench', 'eval', 'scripts', '__snapshots__']);

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A source file's text; null for files too big to be code, or gone since listed (a colleague's temp file). */
function readSource(path: string): string | null {
  try {
    if (statSync(path).size > 2_000_000) return null;
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readJson(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/** 1-based line of `"key"` inside the top-level `"section": {` block of a package.json text. */
export function manifestLine(text: string, section: string, key: string): number {
  const lines = text.split('\n');
  const sectionLine = lines.findIndex((l) => l.includes(`"${section}"`));
  if (sectionLine < 0) return 1;
  for (let i = sectionLine + 1; i < lines.length; i++) {
    if (lines[i]!.includes(`"${key}"`)) return i + 1;
    if (/^\s*}/.test(lines[i]!)) break;
  }
  return sectionLine + 1;
}

function workspaceGlobs(manifest: PackageJson): string[] {
  const w = manifest.workspaces;
  if (Array.isArray(w)) return w;
  return w?.packages ?? [];
}

/** Expands "packages/*" and plain paths; enough for npm workspaces as this repo writes them. */
function workspaceDirs(root: string, globs: string[]): string[] {
  const dirs: string[] = [];
  for (const glob of globs) {
    if (glob.endsWith('/*')) {
      const parent = join(root, glob.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json'))) dirs.push(join(parent, entry.name));
      }
    } else if (existsSync(join(root, glob, 'package.json'))) {
      dirs.push(join(root, glob));
    }
  }
  return dirs;
}

function kindOf(rel: string): WorkspaceKind {
  const top = rel.split('/')[0];
  return top === 'packages' ? 'package' : top === 'apps' ? 'app' : top === 'tools' ? 'tool' : 'other';
}

/** Source files of a workspace. A subdirectory with its own package.json (a fixture workspace) is not part of it. */
function listSources(dir: string, isRoot = true): string[] {
  if (!isRoot && existsSync(join(dir, 'package.json'))) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...listSources(path, false));
    } else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name)) {
      out.push(path);
    }
  }
  return out.sort();
}

/** The <script> blocks of a Svelte component, with everything else blanked so line numbers stay true. */
export function svelteScript(text: string): string {
  const keep = new Array<boolean>(text.length).fill(false);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = m.index + m[0].indexOf('>') + 1;
    for (let i = start; i < start + m[1]!.length; i++) keep[i] = true;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) out += keep[i] || text[i] === '\n' ? text[i] : ' ';
  return out;
}

function isTypeOnlyImport(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false; // `import 'x'` runs x
    if (clause.isTypeOnly) return true;
    const bindings = clause.namedBindings;
    return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
  }
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/**
 * Every module specifier a file names: static imports and re-exports, import(), require(),
 * `import x = require()` and `import('x')` types. Walks the compiler AST directly: wrapping every node
 * in ts-morph objects would cost most of the runner's time.
 */
export function collectImports(sf: ts.SourceFile): ImportRef[] {
  const refs: ImportRef[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      refs.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), typeOnly: isTypeOnlyImport(node), dynamic: false });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if ((isImport || isRequire) && arg && ts.isStringLiteralLike(arg)) refs.push({ specifier: arg.text, line: lineOf(node), typeOnly: false, dynamic: true });
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) refs.push({ specifier: arg.literal.text, line: lineOf(node), typeOnly: true, dynamic: false });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) refs.push({ specifier: expr.text, line: lineOf(node), typeOnly: node.isTypeOnly, dynamic: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs.sort((a, b) => a.line - b.line);
}

function isNonShipping(workspaceRel: string): boolean {
  return TEST_FILE.test(workspaceRel) || workspaceRel.split('/').slice(0, -1).some((part) => NON_SHIPPING_DIRS.has(part));
}

/** Reads the monorepo at `root`: workspaces, manifests, and every source file parsed (no type checking). */
export function loadRepo(root: string): Repo {
  root = resolve(root);
  const rootManifest = readJson(join(root, 'package.json'));
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
  });
  const workspaces: Workspace[] = [];
  const files: SourceInfo[] = [];
  for (const dir of workspaceDirs(root, workspaceGlobs(rootManifest))) {
    const manifestPath = join(dir, 'package.json');
    const manifestText = readFileSync(manifestPath, 'utf8');
    const manifest = JSON.parse(manifestText) as PackageJson;
    const rel = toPosix(relative(root, dir));
    const dependencies: DeclaredDependency[] = [];
    for (const field of dependencyFields) {
      for (const name of Object.keys(manifest[field] ?? {})) dependencies.push({ name, field, line: manifestLine(manifestText, field, name) });
    }
    const workspace: Workspace = { name: manifest.name ?? rel, dir, rel, kind: kindOf(rel), manifest, manifestPath, dependencies, files: [] };
    for (const path of listSources(dir)) {
      const text = readSource(path);
      if (text === null) continue;
      const svelte = path.endsWith('.svelte');
      const code = svelte ? svelteScript(text) : text;
      // Parsed with the compiler alone (fast); the ts-morph wrapper is made only for checks that ask.
      const scriptKind = svelte || /\.[cm]?ts$/.test(path) ? ts.ScriptKind.TS : path.endsWith('.tsx') ? ts.ScriptKind.TSX : path.endsWith('.jsx') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
      const ast = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, scriptKind);
      let wrapped: SourceFile | undefined;
      const info: SourceInfo = {
        path,
        rel: toPosix(relative(root, path)),
        workspace,
        isTest: isNonShipping(toPosix(relative(dir, path))),
        text,
        ast,
        get sourceFile() {
          // Kept in memory under the real path, so nothing on disk is touched.
          wrapped ??= project.createSourceFile(svelte ? `${path}.ts` : path, code, { overwrite: true, scriptKind });
          return wrapped;
        },
        imports: collectImports(ast),
      };
      workspace.files.push(info);
      files.push(info);
    }
    workspaces.push(workspace);
  }
  return { root, rootManifest, workspaces, byName: new Map(workspaces.map((w) => [w.name, w])), files, project };
}

export type ImportTarget =
  | { kind: 'builtin' | 'virtual' }
  /** A relative path: the file it points to and the workspace holding it (null outside every workspace). */
  | { kind: 'relative'; path: string; workspace: Workspace | null }
  /** A package name with an optional subpath; `workspace` when it names one of the repo's workspaces. */
  | { kind: 'package'; packageName: string; subpath: string; workspace: Workspace | null };

const builtins = new Set(builtinModules);

/** The package name of a bare specifier: "@scope/name" or "name". */
export function packageNameOf(specifier: string): { packageName: string; subpath: string } {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  return { packageName: parts.slice(0, count).join('/'), subpath: parts.slice(count).join('/') };
}

/** The workspace whose directory holds `path`, the deepest one when they nest. */
export function workspaceAt(repo: Repo, path: string): Workspace | null {
  let best: Workspace | null = null;
  for (const w of repo.workspaces) {
    if ((path === w.dir || path.startsWith(w.dir + sep)) && (!best || w.dir.length > best.dir.length)) best = w;
  }
  return best;
}

/** What an import specifier in `file` refers to. */
export function resolveImport(repo: Repo, file: SourceInfo, specifier: string): ImportTarget {
  if (specifier.startsWith('node:') || builtins.has(specifier)) return { kind: 'builtin' };
  // SvelteKit ($app, $lib, $env), Vite virtual modules and package.json "imports" (#x) are not packages.
  if (/^[$#~]|^virtual:|^\/@/.test(specifier)) return { kind: 'virtual' };
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const path = resolve(dirname(file.path), specifier);
    return { kind: 'relative', path, workspace: workspaceAt(repo, path) };
  }
  const { packageName, subpath } = packageNameOf(specifier);
  if (builtins.has(packageName)) return { kind: 'builtin' };
  return { kind: 'package', packageName, subpath, workspace: repo.byName.get(packageName) ?? null };
}

/** The workspace an import reaches, by name or by relative path; null for third-party packages and builtins. */
export function targetWorkspace(target: ImportTarget): Workspace | null {
  return target.kind === 'relative' || target.kind === 'package' ? target.workspace : null;
}

const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.svelte', '.json'];

/** The file a relative import resolves to (TypeScript's ".js means .ts" rule, extensionless, index files). */
export function resolveFile(path: string, known: (p: string) => boolean): string | null {
  const candidates = [path];
  const swapped = path.replace(/\.([cm]?)js(x?)$/, '.$1ts$2');
  if (swapped !== path) candidates.push(swapped);
  for (const ext of RESOLVE_EXTENSIONS) candidates.push(path + ext);
  for (const ext of RESOLVE_EXTENSIONS) candidates.push(join(path, `index${ext}`));
  return candidates.find(known) ?? null;
}
