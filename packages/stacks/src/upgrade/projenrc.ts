import * as path from 'path';
import type * as ts from 'typescript';

/** The project type's class whose options `.projenrc.ts` gives. */
const PROJECT_CLASS = 'BottlerocketEksProject';

/** A `.projenrc.ts` the upgrade cannot edit (the message says what to do by hand). */
export class ProjenrcEditError extends Error {}

/**
 * `.projenrc.ts` with `kubernetesVersion` set to `version`: in the options of
 * `new BottlerocketEksProject({...})`, or with `environment` in that environment's entry of
 * `environments` (added when it has none, so the other environments keep theirs). Read with
 * the TypeScript compiler of the team's repository (`root`), and changed as text at the
 * positions it gives, so every other byte of the file stays as the team wrote it.
 */
export function setKubernetesVersion(source: string, version: string, environment: string | undefined, root: string): string {
  const typescript = loadTypeScript(root);
  const file = typescript.createSourceFile('.projenrc.ts', source, typescript.ScriptTarget.Latest, true, typescript.ScriptKind.TS);
  const options = projectOptions(typescript, file);
  if (!options) throw new ProjenrcEditError(`found no \`new ${PROJECT_CLASS}({ ... })\` with its options written in place`);
  let target = options;
  if (environment !== undefined) {
    const environments = property(typescript, options, 'environments')?.initializer;
    const entry = environments && typescript.isArrayLiteralExpression(environments)
      ? environments.elements.find((e): e is ts.ObjectLiteralExpression => typescript.isObjectLiteralExpression(e)
        && stringValue(typescript, property(typescript, e, 'name')?.initializer) === environment)
      : undefined;
    if (!entry) throw new ProjenrcEditError(`found no entry \`{ name: '${environment}', ... }\` written in place in \`environments\``);
    target = entry;
  }
  const quote = /"/.test(source.slice(target.getStart(), target.getEnd())) && !/'/.test(source) ? '"' : '\'';
  const literal = `${quote}${version}${quote}`;
  const existing = property(typescript, target, 'kubernetesVersion');
  if (existing) {
    return source.slice(0, existing.initializer.getStart()) + literal + source.slice(existing.initializer.getEnd());
  }
  // No kubernetesVersion yet: a property of its own line, first, indented as the first one is;
  // in an object written on one line (an environment's entry), after its first property (its name).
  const first = target.properties[0];
  if (!first) {
    return `${source.slice(0, target.getStart() + 1)} kubernetesVersion: ${literal} ${source.slice(target.getStart() + 1)}`;
  }
  const lineStart = source.lastIndexOf('\n', first.getStart()) + 1;
  const indent = source.slice(lineStart, first.getStart());
  if (indent.trim() !== '') return `${source.slice(0, first.getEnd())}, kubernetesVersion: ${literal}${source.slice(first.getEnd())}`;
  return `${source.slice(0, first.getStart())}kubernetesVersion: ${literal},\n${indent}${source.slice(first.getStart())}`;
}

function loadTypeScript(root: string): typeof ts {
  let resolved: string;
  try {
    resolved = require.resolve('typescript', { paths: [root, __dirname] });
  } catch {
    throw new ProjenrcEditError(`the TypeScript compiler is not installed in ${root} (run \`npm ci\` there)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(resolved));
}

/** The object literal given to `new BottlerocketEksProject(...)` (first one found). */
function projectOptions(typescript: typeof ts, file: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (typescript.isNewExpression(node) && node.expression.getText().split('.').pop() === PROJECT_CLASS) {
      const arg = node.arguments?.[0];
      if (arg && typescript.isObjectLiteralExpression(arg)) found = arg;
    }
    typescript.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function property(typescript: typeof ts, object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find((p): p is ts.PropertyAssignment => typescript.isPropertyAssignment(p)
    && (typescript.isIdentifier(p.name) || typescript.isStringLiteral(p.name)) && p.name.text === name);
}

function stringValue(typescript: typeof ts, node: ts.Node | undefined): string | undefined {
  return node && (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}
