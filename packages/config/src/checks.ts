import { fail } from './errors';
import { closestName } from './option-names';

export function check<T>(option: string, value: T, ok: (v: T) => boolean, allowed: string): T {
  if (!ok(value)) fail(option, value, allowed);
  return value;
}

/** Like `check`, but a value of another type fails too (a regular expression would coerce it). */
export function checkString(option: string, value: unknown, ok: (v: string) => boolean, allowed: string): string {
  if (typeof value !== 'string' || !ok(value)) fail(option, value, allowed);
  return value;
}

/** A list of strings, each `ok` and listed once. */
export function checkList(option: string, values: unknown, ok: (v: string) => boolean, allowed: string, minItems: number): string[] {
  if (!Array.isArray(values) || values.length < minItems) fail(option, values, `a list of at least ${minItems}: ${allowed}`);
  for (const value of values) {
    if (typeof value !== 'string' || !ok(value)) fail(option, value, allowed);
  }
  const duplicate = values.find((v, i) => values.indexOf(v) !== i);
  if (duplicate !== undefined) fail(option, duplicate, 'each value listed once (this one is listed more than once)');
  return values;
}

export function checkInteger(option: string, value: unknown, min: number, max: number, allowed: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(option, value, allowed);
  return value;
}

export function checkEnum<T extends string>(option: string, value: T, allowed: string[]): T {
  return check(option, value, (v) => allowed.includes(v), `one of ${allowed.join(', ')}`);
}

export function checkBoolean(option: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(option, value, 'true or false');
  return value;
}

/**
 * Refuses a key that is not an option (a misspelling would otherwise be ignored), naming
 * the closest option. `path` is the option path of `object` with its trailing dot, or ``.
 */
export function checkKnownKeys(path: string, object: unknown, known: readonly string[]): void {
  if (typeof object !== 'object' || object === null) return;
  for (const key of Object.keys(object)) {
    if (known.includes(key) || (object as Record<string, unknown>)[key] === undefined) continue;
    const guess = closestName(key, known);
    fail(`${path}${key}`, (object as Record<string, unknown>)[key], guess ? `a known option (did you mean ${path}${guess}?)`
      : `a known option (here: ${known.join(', ')})`);
  }
}
