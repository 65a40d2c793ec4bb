// Reads the record shapes the schema package defines, with ts-morph: the keys of every exported
// `z.object({...})` in its source, following .extend/.safeExtend/.merge/.omit/.pick/.partial and
// references between schemas. Nothing is hard-coded: a new record is picked up when it is written.
import { Node, type Expression, type ObjectLiteralExpression, type VariableDeclaration } from 'ts-morph';
import type { SourceInfo } from './repo.js';

export interface SchemaShape {
  /** The exported const, e.g. "Article". */
  name: string;
  keys: string[];
  file: string;
  line: number;
}

const OBJECT_FACTORIES = new Set(['object', 'strictObject', 'looseObject']);
const SHAPE_PRESERVING = new Set(['describe', 'meta', 'refine', 'superRefine', 'check', 'strict', 'strip', 'passthrough', 'loose', 'readonly', 'partial', 'required', 'brand', 'catchall', 'overwrite']);

function propertyName(node: Node): string | null {
  if (Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node) || Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node)) {
    const nameNode = node.getNameNode();
    if (Node.isStringLiteral(nameNode) || Node.isNoSubstitutionTemplateLiteral(nameNode) || Node.isNumericLiteral(nameNode)) return String(nameNode.getLiteralValue());
    if (Node.isComputedPropertyName(nameNode)) return null;
    return nameNode.getText();
  }
  return null;
}

type Lookup = (name: string) => string[] | null;

/** Keys of a shape literal; `...X.shape` and `...fields` spreads are followed through `lookup`. */
function literalKeys(literal: ObjectLiteralExpression, lookup: Lookup): string[] | null {
  const keys: string[] = [];
  for (const prop of literal.getProperties()) {
    if (Node.isSpreadAssignment(prop)) {
      const spread = prop.getExpression();
      const base = Node.isPropertyAccessExpression(spread) && spread.getName() === 'shape' ? spread.getExpression() : spread;
      const baseKeys = Node.isIdentifier(base) ? lookup(base.getText()) : null;
      if (!baseKeys) return null;
      keys.push(...baseKeys);
      continue;
    }
    const name = propertyName(prop);
    if (name === null) return null;
    keys.push(name);
  }
  return keys;
}

/**
 * The keys of the object schema an expression builds, or null when it is not an object schema we
 * can read. `lookup` resolves identifiers naming other schemas.
 */
export function objectSchemaKeys(expr: Expression, lookup: Lookup): string[] | null {
  if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr)) return objectSchemaKeys(expr.getExpression(), lookup);
  if (Node.isIdentifier(expr)) return lookup(expr.getText());
  if (!Node.isCallExpression(expr)) return null;
  const callee = expr.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return null;
  const method = callee.getName();
  const receiver = callee.getExpression();
  const arg = expr.getArguments()[0];
  // z.object({...}) (the receiver is the zod namespace, whatever it is called)
  if (OBJECT_FACTORIES.has(method) && Node.isIdentifier(receiver) && lookup(receiver.getText()) === null) {
    return arg && Node.isObjectLiteralExpression(arg) ? literalKeys(arg, lookup) : null;
  }
  const base = objectSchemaKeys(receiver, lookup);
  if (!base) return null;
  if (SHAPE_PRESERVING.has(method)) return base;
  if ((method === 'extend' || method === 'safeExtend') && arg && Node.isObjectLiteralExpression(arg)) {
    const extra = literalKeys(arg, lookup);
    return extra ? [...new Set([...base, ...extra])] : null;
  }
  if (method === 'merge' && arg && Node.isExpression(arg)) {
    const extra = objectSchemaKeys(arg, lookup);
    return extra ? [...new Set([...base, ...extra])] : null;
  }
  if ((method === 'omit' || method === 'pick') && arg && Node.isObjectLiteralExpression(arg)) {
    const listed = new Set(literalKeys(arg, lookup) ?? []);
    return base.filter((k) => (method === 'pick') === listed.has(k));
  }
  return null;
}

/** Every exported object schema of the schema package's shipped source, with its keys. */
export function readSchemaShapes(files: SourceInfo[]): SchemaShape[] {
  const declarations = new Map<string, { decl: VariableDeclaration; file: SourceInfo; exported: boolean }>();
  for (const file of files) {
    if (file.isTest) continue;
    for (const statement of file.sourceFile.getVariableStatements()) {
      for (const decl of statement.getDeclarations()) declarations.set(decl.getName(), { decl, file, exported: statement.isExported() });
    }
  }
  const memo = new Map<string, string[] | null>();
  const lookup = (name: string): string[] | null => {
    if (memo.has(name)) return memo.get(name)!;
    const found = declarations.get(name);
    memo.set(name, null); // guards against self-reference
    const init = found?.decl.getInitializer();
    // A plain object of fields (`const base = { id: Id }`) counts when spread into a z.object; it is
    // not a record itself, which the exported-schema filter below sees by its initializer.
    const keys = !init ? null : Node.isObjectLiteralExpression(init) ? literalKeys(init, lookup) : objectSchemaKeys(init, lookup);
    memo.set(name, keys);
    return keys;
  };
  const shapes: SchemaShape[] = [];
  for (const [name, { decl, file, exported }] of declarations) {
    const keys = lookup(name);
    if (exported && keys && keys.length > 0 && !Node.isObjectLiteralExpression(decl.getInitializer())) shapes.push({ name, keys, file: file.rel, line: decl.getStartLineNumber() });
  }
  return shapes;
}
