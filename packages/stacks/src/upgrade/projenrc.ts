import { parse } from './typescript-parser';

/** The project type's class whose options `.projenrc.ts` gives. */
const PROJECT_CLASS = 'BottlerocketEksProject';

/** A `.projenrc.ts` the upgrade cannot edit (the message says what it looked for). */
export class ProjenrcEditError extends Error {}

/** The parts of a parsed TypeScript file this module reads (Babel's AST: `type`, `start`, `end`). */
interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

/**
 * `.projenrc.ts` with the string option `option` (such as `kubernetesVersion`) set to `value`:
 * in the options of `new BottlerocketEksProject({...})`, or with `environment` in that
 * environment's entry of `environments` (added when it has none, so the other environments keep
 * theirs). The file is parsed, then changed as text at the positions the parser gives, so every
 * other byte stays as the team wrote it.
 */
export function setProjectOption(source: string, option: string, value: string, environment: string | undefined): string {
  let file: Node;
  try {
    file = parse(source, { sourceType: 'module', plugins: ['typescript'] }) as unknown as Node;
  } catch (error) {
    throw new ProjenrcEditError(`it does not parse (${(error as Error).message})`);
  }
  const options = projectOptions(file);
  if (!options) throw new ProjenrcEditError(`found no \`new ${PROJECT_CLASS}({ ... })\` with its options written in place`);
  let target = options;
  if (environment !== undefined) {
    const environments = property(options, 'environments')?.value as Node | undefined;
    const entry = environments?.type === 'ArrayExpression'
      ? (environments.elements as (Node | null)[]).find((e): e is Node => e?.type === 'ObjectExpression' && stringValue(property(e, 'name')?.value as Node) === environment)
      : undefined;
    if (!entry) throw new ProjenrcEditError(`found no entry \`{ name: '${environment}', ... }\` written in place in \`environments\``);
    target = entry;
  }
  // The quotes the file uses most.
  const quote = (source.match(/"/g) ?? []).length > (source.match(/'/g) ?? []).length ? '"' : '\'';
  const literal = `${quote}${value}${quote}`;
  const existing = property(target, option)?.value as Node | undefined;
  if (existing) return source.slice(0, existing.start) + literal + source.slice(existing.end);
  // Not there yet: a property of its own line, first, indented as the first one is;
  // in an object written on one line (an environment's entry), after its first property (its name).
  const first = (target.properties as Node[])[0];
  if (!first) return `${source.slice(0, target.start + 1)} ${option}: ${literal} ${source.slice(target.start + 1)}`;
  const lineStart = source.lastIndexOf('\n', first.start) + 1;
  const indent = source.slice(lineStart, first.start);
  if (indent.trim() !== '') return `${source.slice(0, first.end)}, ${option}: ${literal}${source.slice(first.end)}`;
  return `${source.slice(0, first.start)}${option}: ${literal},\n${indent}${source.slice(first.start)}`;
}

/** The object literal given to `new BottlerocketEksProject(...)` (the first one found). */
function projectOptions(file: Node): Node | undefined {
  let found: Node | undefined;
  const visit = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'NewExpression' && calleeName(n.callee as Node) === PROJECT_CLASS) {
      const arg = (n.arguments as Node[])[0];
      if (arg?.type === 'ObjectExpression') found = arg;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && typeof value === 'object') visit(value);
  };
  visit(file);
  return found;
}

/** `X` of `new X(...)` or `new a.b.X(...)`. */
function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && (callee.property as Node).type === 'Identifier') return (callee.property as Node).name as string;
  return undefined;
}

/** The property `name: ...` (or `'name': ...`) written in an object literal. */
function property(object: Node, name: string): Node | undefined {
  return (object.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed
    && ((p.key as Node).type === 'Identifier' ? (p.key as Node).name : stringValue(p.key as Node)) === name);
}

function stringValue(node: Node | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return node.value as string;
  if (node?.type === 'TemplateLiteral' && (node.expressions as Node[]).length === 0) return ((node.quasis as Node[])[0].value as { cooked: string }).cooked;
  return undefined;
}
