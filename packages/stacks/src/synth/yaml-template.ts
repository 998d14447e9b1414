import { stringify } from 'yaml';

/** Renders a CloudFormation template as YAML, keys in template order, long strings unfolded. */
export function toYaml(template: unknown): string {
  return stringify(template, { lineWidth: 0, aliasDuplicateObjects: false });
}
