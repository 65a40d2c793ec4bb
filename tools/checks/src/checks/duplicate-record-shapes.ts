// Verifies that no record shape the schema package defines is declared again by hand elsewhere: an
// interface, a type alias of an object type, or a z.object({...}) whose field names equal a schema
// object's keys (at least MIN_EQUAL_FIELDS of them), or overlap them almost entirely (at least
// MIN_SHARED_FIELDS shared and a Jaccard overlap of at least MIN_OVERLAP: a superset with a field or
// two added, or a copy with one dropped). The schema keys are read from the schema package's source
// (schema-shapes.ts), so new records are covered as they are written.
import { Node, SyntaxKind, type TypeNode } from 'ts-morph';
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

/** Member names of an object type literal, or of an intersection of them; null for other types. */
function typeLiteralFields(type: TypeNode): string[] | null {
  if (Node.isTypeLiteral(type)) return type.getMembers().flatMap((m) => (Node.isPropertySignature(m) || Node.isMethodSignature(m) ? [m.getName().replace(/^['"]|['"]$/g, '')] : []));
  if (Node.isIntersectionTypeNode(type)) {
    const parts = type.getTypeNodes().map(typeLiteralFields).filter((p): p is string[] => p !== null);
    return parts.length > 0 ? parts.flat() : null;
  }
  if (Node.isParenthesizedTypeNode(type)) return typeLiteralFields(type.getTypeNode());
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
        const sf = file.sourceFile;
        for (const node of sf.getDescendantsOfKind(SyntaxKind.InterfaceDeclaration)) {
          report(file.rel, node.getStartLineNumber(), `interface ${node.getName()}`, node.getProperties().map((p) => p.getName().replace(/^['"]|['"]$/g, '')));
        }
        for (const node of sf.getDescendantsOfKind(SyntaxKind.TypeAliasDeclaration)) {
          const typeNode = node.getTypeNode();
          const fields = typeNode ? typeLiteralFields(typeNode) : null;
          if (fields) report(file.rel, node.getStartLineNumber(), `type ${node.getName()}`, fields);
        }
        // z.object({...}) literals: the zod namespace is whatever name the file imports from "zod".
        const zodNames = new Set(
          sf.getImportDeclarations()
            .filter((d) => d.getModuleSpecifierValue() === 'zod' || d.getModuleSpecifierValue().startsWith('zod/'))
            .flatMap((d) => [...d.getNamedImports().map((n) => n.getAliasNode()?.getText() ?? n.getName()), d.getNamespaceImport()?.getText() ?? '', d.getDefaultImport()?.getText() ?? ''])
            .filter(Boolean),
        );
        if (zodNames.size === 0) continue;
        for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
          const callee = call.getExpression();
          if (!Node.isPropertyAccessExpression(callee) || !['object', 'strictObject', 'looseObject'].includes(callee.getName())) continue;
          if (!zodNames.has(callee.getExpression().getText())) continue;
          const keys = objectSchemaKeys(call, () => null);
          if (keys) report(file.rel, call.getStartLineNumber(), 'z.object', keys);
        }
      }
    }
    return problems;
  },
};
