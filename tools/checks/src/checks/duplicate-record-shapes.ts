// Verifies that no record shape the schema package defines is declared again by hand elsewhere: an
// interface, a type alias of an object type, or a z.object({...}) whose field names equal a schema
// object's keys (at least MIN_EQUAL_FIELDS of them), or overlap them almost entirely (at least
// MIN_SHARED_FIELDS shared and a Jaccard overlap of at least MIN_OVERLAP: a superset with a field or
// two added, or a copy with one dropped). The schema keys are read from the schema package's source
// (schema-shapes.ts), so new records are covered as they are written.
import { createWrappedNode, ts, type Expression } from 'ts-morph';
import type { Check, Problem } from '../check.js';
import { objectSchemaKeys, readSchemaShapes, type SchemaShape } from '../schema-shapes.js';
import { SCHEMA_PACKAGE } from './schema-deps.js';

export const MIN_EQUAL_FIELDS = 3;
export const MIN_SHARED_FIELDS = 4;
export const MIN_OVERLAP = 0.8;

/** The schema shape a list of field names repeats, or null. */
export function matchShape(fields: string[], shapes: SchemaShape[]): { shape: SchemaShape; overlap: number } | null {
  const own = new Set(fields);
  let best: { shape: SchemaShape; overlap: number } | null = null;
  for (const shape of shapes) {
    const keys = new Set(shape.keys);
    const shared = [...own].filter((f) => keys.has(f)).length;
    const overlap = shared / new Set([...own, ...keys]).size;
    const equal = overlap === 1 && shared >= MIN_EQUAL_FIELDS;
    const similar = shared >= MIN_SHARED_FIELDS && overlap >= MIN_OVERLAP;
    if ((equal || similar) && (!best || overlap > best.overlap || (overlap === best.overlap && keys.size > best.shape.keys.length))) best = { shape, overlap };
  }
  return best;
}

function memberName(name: ts.PropertyName | undefined): string | null {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return null;
}

/** Member names of an object type literal, or of an intersection of them; null for other types. */
function typeLiteralFields(type: ts.TypeNode): string[] | null {
  if (ts.isTypeLiteralNode(type)) return type.members.flatMap((m) => (ts.isPropertySignature(m) || ts.isMethodSignature(m) ? [memberName(m.name) ?? ''] : [])).filter(Boolean);
  if (ts.isIntersectionTypeNode(type)) {
    const parts = type.types.map(typeLiteralFields).filter((p): p is string[] => p !== null);
    return parts.length > 0 ? parts.flat() : null;
  }
  if (ts.isParenthesizedTypeNode(type)) return typeLiteralFields(type.type);
  return null;
}

export const duplicateRecordShapes: Check = {
  name: 'duplicate-record-shapes',
  description: `A record shape defined in ${SCHEMA_PACKAGE} must not be declared again by hand (interface, type or z.object with the same fields).`,
  run(repo) {
    const schema = repo.byName.get(SCHEMA_PACKAGE);
    if (!schema) return [];
    const shapes = readSchemaShapes(schema.files.filter((f) => f.rel.startsWith(`${schema.rel}/src/`)));
    const problems: Problem[] = [];
    const report = (file: string, line: number, what: string, fields: string[]) => {
      const match = matchShape(fields, shapes);
      if (!match) return;
      const { shape, overlap } = match;
      const how = overlap === 1 ? 'the same fields as' : `${Math.round(overlap * 100)}% of the fields of`;
      problems.push({
        check: this.name,
        file,
        line,
        message: `${what} declares ${how} ${shape.name} from ${SCHEMA_PACKAGE} (${shape.file}:${shape.line}); import the type (import type { ${shape.name} } from '${SCHEMA_PACKAGE}') or derive it with Pick/Omit/.extend instead of repeating it`,
      });
    };
    for (const workspace of repo.workspaces) {
      if (workspace === schema) continue;
      for (const file of workspace.files) {
        const sf = file.ast;
        const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        // z.object({...}) literals: the zod namespace is whatever name the file imports from "zod".
        const zodNames = new Set<string>();
        for (const statement of sf.statements) {
          if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !/^zod(\/|$)/.test(statement.moduleSpecifier.text)) continue;
          const clause = statement.importClause;
          if (clause?.name) zodNames.add(clause.name.text);
          const bindings = clause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) zodNames.add(bindings.name.text);
          if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) zodNames.add(e.name.text);
        }
        // One walk of the compiler AST; only z.object calls are wrapped for ts-morph.
        const visit = (node: ts.Node): void => {
          if (ts.isInterfaceDeclaration(node)) {
            report(file.rel, lineOf(node), `interface ${node.name.text}`, node.members.flatMap((m) => (ts.isPropertySignature(m) || ts.isMethodSignature(m) ? [memberName(m.name) ?? ''] : [])).filter(Boolean));
          } else if (ts.isTypeAliasDeclaration(node)) {
            const fields = typeLiteralFields(node.type);
            if (fields) report(file.rel, lineOf(node), `type ${node.name.text}`, fields);
          } else if (
            zodNames.size > 0 &&
            ts.isCallExpression(node) &&
            ts.isPropertyAccessExpression(node.expression) &&
            ['object', 'strictObject', 'looseObject'].includes(node.expression.name.text) &&
            ts.isIdentifier(node.expression.expression) &&
            zodNames.has(node.expression.expression.text)
          ) {
            const call = createWrappedNode(node, { sourceFile: sf }) as Expression;
            const keys = objectSchemaKeys(call, () => null);
            if (keys) report(file.rel, lineOf(node), 'z.object', keys);
          }
          ts.forEachChild(node, visit);
        };
        visit(sf);
      }
    }
    return problems;
  },
};
