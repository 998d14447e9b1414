import { BottlerocketSettings, fail, Settings } from 'bottlerocket-eks-config';
import { parse, stringify } from 'smol-toml';

/**
 * The TOML user data of a Bottlerocket node group: the typed settings, `extraSettings` and
 * `extraToml` merged and checked (no EKS-injected keys, no labels or taints, no mixed
 * arrays, no key set twice). EKS merges the cluster's bootstrap settings into it.
 * `option` names the settings in error messages.
 */
export function renderBottlerocketToml(settings: BottlerocketSettings, option = 'bottlerocket'): string {
  let tree = Settings.bottlerocketTree(settings, option);
  if (settings.extraToml !== undefined) {
    const extraOption = `${option}.extraToml`;
    tree = Settings.mergeBottlerocketTrees(tree, parseToml(settings.extraToml, extraOption), extraOption);
  }
  return stringify(tree);
}

/** Parses TOML text from the user, failing with a settings error that says where it broke. */
export function parseToml(text: string, option: string): Record<string, unknown> {
  if (typeof text !== 'string') fail(option, text, 'TOML text');
  let tree: Record<string, unknown>;
  try {
    tree = parse(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    fail(option, text, `TOML that parses (${reason})`);
  }
  Settings.checkBottlerocketTree(tree, option);
  return tree;
}
