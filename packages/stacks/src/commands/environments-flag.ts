import { ENVIRONMENT_NAME_PATTERN } from 'bottlerocket-eks-config';
import { usageError } from '../process/user-errors';

/**
 * The environments of a command's `--environments a,b`, in the order given (the repository's);
 * one unnamed environment (the repository's one deployment) without it. A bad or repeated name is
 * a usage error of `command`.
 */
export function environmentsFlag(command: string, list: string | undefined): Array<string | undefined> {
  if (list === undefined) return [undefined];
  const names = list.split(',').map((n) => n.trim());
  const pattern = new RegExp(ENVIRONMENT_NAME_PATTERN);
  const bad = names.find((n) => !pattern.test(n));
  if (bad !== undefined) throw usageError(`${command}: --environments ${list}: "${bad}" is not an environment name (lowercase letters, digits and hyphens).`);
  if (new Set(names).size !== names.length) throw usageError(`${command}: --environments ${list}: an environment is listed twice.`);
  return names;
}
