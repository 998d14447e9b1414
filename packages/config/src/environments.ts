import { checkKnownKeys, checkString } from './checks';
import { fail, isSettingsError, settingsError } from './errors';
import { SETTING_NAMES } from './option-keys';
import { BottlerocketEksSettings, EnvironmentSettings } from './options';
import { ResolvedSettings } from './resolved';

/** Environment names: they name tasks (`deploy:<name>`), settings files, nx configurations and GitHub environments. */
export const ENVIRONMENT_NAME_PATTERN = '^[a-z][a-z0-9-]{0,15}$';

/** One environment with its settings resolved. */
export interface ResolvedEnvironment {
  /** The environment's name. */
  readonly name: string;
  /**
   * The environment's options as given, over the top level's (what its settings file holds):
   * its own settings, the top level's for the rest, and its prefix.
   */
  readonly options: BottlerocketEksSettings;
  /** The resolved settings of the environment. */
  readonly settings: ResolvedSettings;
}

/**
 * Resolves each environment on its own: the top-level settings with the environment's over
 * them (each replacing the top-level value whole), its prefix `<pjPrefix>-<name>` unless it
 * gives one. A bad value fails naming the environment; so do two environments of one name or
 * one prefix (their stacks and exports would collide).
 */
export function resolveEnvironments(
  top: BottlerocketEksSettings, environments: unknown, resolve: (settings: BottlerocketEksSettings) => ResolvedSettings,
): ResolvedEnvironment[] {
  if (!Array.isArray(environments) || environments.length === 0) {
    fail('environments', environments, 'a list of at least one environment, each with a name');
  }
  const pattern = new RegExp(ENVIRONMENT_NAME_PATTERN);
  const resolved = environments.map((environment: EnvironmentSettings, i) => {
    const path = `environments[${i}]`;
    if (typeof environment !== 'object' || environment === null || Array.isArray(environment)) {
      fail(path, environment, 'an environment: { name, ...the settings in which it differs }');
    }
    checkKnownKeys(`${path}.`, environment, ['name', ...SETTING_NAMES]);
    const name = checkString(`${path}.name`, environment.name, (n) => pattern.test(n),
      'lowercase letters, digits and hyphens, starting with a letter, at most 16 characters');
    const { name: _name, ...own } = environment;
    const options = { ...top, ...own, pjPrefix: environment.pjPrefix ?? `${top.pjPrefix}-${name}` } as BottlerocketEksSettings;
    return { name, options, settings: inEnvironment(name, () => resolve(options)) };
  });
  const taken = (key: (e: ResolvedEnvironment) => string, what: string) => {
    const seen = new Map<string, string>();
    resolved.forEach((environment, i) => {
      const value = key(environment);
      if (seen.has(value)) fail(`environments[${i}].${what}`, value, `a ${what} no other environment has (${seen.get(value)} has it)`);
      seen.set(value, environment.name);
    });
  };
  taken((e) => e.name, 'name');
  taken((e) => e.settings.pjPrefix, 'pjPrefix');
  return resolved;
}

/** Runs `body`, prefixing a settings error with the environment it is about; the option it names stays the same. */
function inEnvironment<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (isSettingsError(error)) throw settingsError(`In environment ${name}: ${error.message}`, error.option, error.value);
    throw error;
  }
}
