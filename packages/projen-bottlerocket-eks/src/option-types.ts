import * as fs from 'fs';
import * as path from 'path';

/** A property type of a jsii assembly (the parts read here). */
export interface JsiiTypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: string; readonly elementtype: JsiiTypeRef };
}

/** The options struct of the project type, in its own jsii assembly. */
const OPTIONS_FQN = 'projen-bottlerocket-eks.BottlerocketEksProjectOptions';

/** Where the jsii assembly of each module the options come from is. */
const ASSEMBLIES: Record<string, () => string> = {
  'projen-bottlerocket-eks': () => path.join(__dirname, '..', '.jsii'),
  'projen': () => require.resolve('projen/.jsii'),
  'bottlerocket-eks-config': () => require.resolve('bottlerocket-eks-config/.jsii'),
};

const assemblies = new Map<string, any>();
let optionTypes: Map<string, JsiiTypeRef> | undefined;

/**
 * Every option of the project type with its declared type, from the jsii assemblies (the
 * project type's own, projen's and the config package's): the one description of them that
 * cannot drift from the installed packages.
 */
export function projectOptionTypes(): Map<string, JsiiTypeRef> {
  if (optionTypes) return optionTypes;
  const types = new Map<string, JsiiTypeRef>();
  const collect = (fqn: string) => {
    const type = assembly(fqn).types[fqn];
    for (const property of type?.properties ?? []) if (!types.has(property.name)) types.set(property.name, property.type);
    for (const base of type?.interfaces ?? []) collect(base);
  };
  collect(OPTIONS_FQN);
  optionTypes = types;
  return types;
}

/** The options declared in projen's `TypeScriptProjectOptions` and the interfaces it extends. */
export function projenOptionNames(): string[] {
  const names = new Set<string>();
  const collect = (fqn: string) => {
    const type = assembly(fqn).types[fqn];
    for (const property of type?.properties ?? []) names.add(property.name);
    for (const base of type?.interfaces ?? []) collect(base);
  };
  collect('projen.typescript.TypeScriptProjectOptions');
  return [...names];
}

function assembly(fqn: string): any {
  const module = fqn.split('.')[0];
  if (!assemblies.has(module)) {
    const file = ASSEMBLIES[module];
    if (!file) throw new Error(`No jsii assembly known for ${fqn}`);
    assemblies.set(module, JSON.parse(fs.readFileSync(file(), 'utf-8')));
  }
  return assemblies.get(module);
}
