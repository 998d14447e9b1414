import {
  BottlerocketEksSettings, BottlerocketVariant, CapacityType, ControlPlaneTier, NodeArchitecture, NodegroupUpdateStrategy, optionFlag,
} from 'bottlerocket-eks-config';
import { JsiiTypeRef, projectOptionTypes } from './option-types';

/** Settings that are enums, with their values. */
const ENUMS: Partial<Record<keyof BottlerocketEksSettings, string[]>> = {
  capacityType: Object.values(CapacityType),
  architecture: Object.values(NodeArchitecture),
  variant: Object.values(BottlerocketVariant),
  updateStrategy: Object.values(NodegroupUpdateStrategy),
  controlPlaneTier: Object.values(ControlPlaneTier),
};

/**
 * Undoes what `projen new --from` does to flags, in the options and in the arguments projen
 * renders into `.projenrc.ts` (`__new__.args`, projen's own field), so that file type-checks:
 * - numeric-looking values of string options (any, by their jsii type) arrive as numbers
 *   (`--account-id 012345678901` as 12345678901, `--kubernetes-version 1.30` as 1.3, `--name
 *   2024` as 2024); the flag as typed is taken back from the command line;
 * - enum flags arrive as typed (`on-demand`, `nvidia`, `ARM64`); they become the enum's value,
 *   which projen renders as the member of that name.
 * Options that did not come from `projen new` are returned as they are.
 */
export function fromProjenNew<T extends object>(options: T, argv: string[] = process.argv,
  types: Map<string, JsiiTypeRef> = projectOptionTypes()): T {
  const projenNew: { args?: Record<string, unknown> } | undefined = (options as any).__new__;
  if (!projenNew?.args) return options;
  const fixed: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  const fix = (key: string, value: unknown) => {
    fixed[key] = value;
    if (key in projenNew.args!) projenNew.args![key] = value;
  };
  for (const [key, value] of Object.entries(fixed)) {
    const type = types.get(key);
    if (type?.primitive === 'string' && typeof value === 'number') fix(key, rawFlag(argv, key) ?? String(value));
    const elements = type?.collection?.kind === 'array' && type.collection.elementtype.primitive === 'string';
    if (elements && Array.isArray(value) && value.some((v) => typeof v === 'number')) fix(key, value.map(String));
  }
  for (const [key, values] of Object.entries(ENUMS)) {
    const value = fixed[key];
    if (typeof value !== 'string') continue;
    const spelling = (v: string) => v.toUpperCase().replace(/-/g, '_');
    const match = values!.find((v) => spelling(v) === spelling(value));
    if (match) fix(key, match);
  }
  return fixed as T;
}

/** The value of `--kebab-name X` or `--kebab-name=X` (or the camelCase spelling) as typed. */
function rawFlag(argv: string[], key: string): string | undefined {
  const names = [optionFlag(key), `--${key}`];
  for (let i = 0; i < argv.length; i++) {
    for (const name of names) {
      if (argv[i] === name && i + 1 < argv.length) return argv[i + 1];
      if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
    }
  }
  return undefined;
}
