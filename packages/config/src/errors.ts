/**
 * Settings errors: a bad setting or settings file, a mistake the user fixes, told apart from
 * bugs by the error's `name` so every entry point prints it as one line with no stack trace.
 * Names rather than classes, because the packages that throw and the ones that catch may load
 * different copies of this module.
 */

/** The `name` of an error about a setting or the settings file. */
export const SETTINGS_ERROR_NAME = 'BottlerocketEksSettingsError' as const;

/**
 * An error about a setting or the settings file. `option` and `value` let a command line
 * point at the flag or key to fix without reading them back out of the message. A type
 * rather than an interface: jsii takes no interface that extends `Error`.
 */
export type SettingsError = Error & {
  readonly name: typeof SETTINGS_ERROR_NAME;
  /**
   * The option refused, as the message names it (`pjPrefix`, `extraNodegroups[0].instanceTypes`);
   * absent when the error is not about one option (e.g. a missing settings file).
   */
  readonly option?: string;
  /** The value refused, as the message quotes it; set whenever `option` is. */
  readonly value?: unknown;
};

/** The one-line message of a bad setting: `Invalid <option> <value>: expected <allowed>.` */
export function invalidSettingMessage(option: string, value: unknown, allowed: string): string {
  return `Invalid ${option} ${JSON.stringify(value)}: expected ${allowed}.`;
}

/** A settings error with the given message; with `option`, about that option's `value`. */
export function settingsError(message: string, option?: string, value?: unknown): SettingsError {
  const error = Object.assign(new Error(message), { name: SETTINGS_ERROR_NAME });
  return option === undefined ? error : Object.assign(error, { option, value });
}

/** Throws the settings error for one bad value (see `invalidSettingMessage`). */
export function fail(option: string, value: unknown, allowed: string): never {
  throw settingsError(invalidSettingMessage(option, value, allowed), option, value);
}

export function isSettingsError(error: unknown): error is SettingsError {
  return error instanceof Error && error.name === SETTINGS_ERROR_NAME;
}
