import { ADDON_VERSIONS } from './addon-versions';
import { AddonsOptions } from './addons';
import { ADDON_NAMES } from './option-keys';
import { ResolvedAddon } from './resolved';

/** The add-ons to install for `kubernetesVersion`, with versions and configuration values. */
export function resolveAddons(addons: AddonsOptions | undefined, kubernetesVersion: string): ResolvedAddon[] {
  const options = addons ?? {};
  return (Object.keys(ADDON_NAMES) as Array<keyof typeof ADDON_NAMES>)
    .filter((key) => options[key]?.enabled !== false)
    .map((key) => ({
      key,
      name: ADDON_NAMES[key],
      version: options[key]?.version ?? ADDON_VERSIONS[kubernetesVersion]?.[key] ?? '',
      configurationValues: options[key]?.configurationValues === undefined ? undefined : JSON.stringify(options[key]!.configurationValues),
    }));
}
