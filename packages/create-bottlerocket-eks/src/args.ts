/*
 * Reads the command line: Node's `parseArgs` finds the flags and their values; the loop below
 * decides whose each word is (a setting, `--from`, the target directory, or projen's).
 */
import { parseArgs as nodeParseArgs, ParseArgsConfig } from 'node:util';
import { kebabCase } from 'bottlerocket-eks-config';
import { OPTIONS, OptionSpec, SettingName, findOption, flagOf } from './options';

/** The `name` of a `UsageError`. */
export const USAGE_ERROR_NAME = 'BottlerocketEksUsageError';

/** A malformed command line (a flag without its value, a second target directory): the user's to fix, not a bug. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = USAGE_ERROR_NAME;
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}

/**
 * Settings as typed on the command line. Values are kept raw where they do not parse
 * (e.g. `--nat-gateways two`) so that `Settings.resolve` reports them in its own words.
 */
export type RawSettings = { [K in SettingName]?: string | number | string[] };

/** What the command line asks for. */
export interface ParsedArgs {
  /** The first positional argument: where to create the repository. */
  readonly targetDir?: string;
  /** `--from <spec>`: the npm spec of the project type module. */
  readonly from?: string;
  /** The known flags, as setting values. */
  readonly settings: RawSettings;
  /** Everything for projen, in the user's order: known flags and unknown ones (`--no-git`, ...). */
  readonly passThrough: string[];
  /** The flags that are not ours, as typed (`--no-git`, `--pj-prefx`): projen gets them. */
  readonly unknownFlags: string[];
  readonly help: boolean;
  readonly version: boolean;
}

/** What Node's parser is told: every setting under both spellings, plus our own flags. */
const NODE_OPTIONS: ParseArgsConfig['options'] = {
  ...Object.fromEntries(OPTIONS.flatMap((o) => [kebabCase(o.setting), o.setting]).map((name) => [name, { type: 'string' }])),
  from: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
};

/** projen's boolean switches: they take no value, so a word after them is not theirs. */
const PROJEN_BOOLEAN_FLAGS = new Set(['post', 'watch', 'w', 'debug', 'synth', 'comments', 'git']);

/** A flag starts with `-`; a negative number (`-1`) is a value, so validation can report it. */
function isFlag(word: string): boolean {
  return word.length > 1 && word.startsWith('-') && !/^-\d/.test(word);
}

/**
 * Node reads `-abc` as `-a -b -c`, and a dash inside (`-pj-prefix`) as `--`. No flag of ours is
 * written so (bar `-fSPEC`, which Node reads right), so Node gets a stand-in: an unknown flag.
 * Words are always read from `argv`, so projen and our values see them as typed.
 */
function hideShortGroup(word: string): string {
  return /^-[^-]./.test(word) && !word.startsWith('-f') ? '--?' : word;
}

/** An unknown flag takes the words after it, unless it is a switch (`--no-git`, `--synth`, `--x=y`). */
function isSwitch(word: string): boolean {
  const [name, value] = word.replace(/^--?/, '').split('=');
  return value !== undefined || name.startsWith('no-') || PROJEN_BOOLEAN_FLAGS.has(name);
}

/** A comma list and a space list mean the same: `a,b` and `a b`. */
function splitList(word: string): string[] {
  return word.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** `"3"` -> 3; anything else stays a string for `Settings.resolve` to reject by name. */
function parseNumber(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/**
 * Parses the command line. Pure: no I/O, no defaults applied (validation does that).
 * Throws a usage error for a malformed command line, unless `--help` or `--version`
 * was given (they win, as in most CLIs).
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { tokens } = nodeParseArgs({ args: argv.map(hideShortGroup), options: NODE_OPTIONS, strict: false, tokens: true });
  // Checked on the words: Node may have taken `--help` as a value (`--region --help`).
  const ours = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const help = ours.includes('--help') || ours.includes('-h');
  const version = ours.includes('--version');

  const settings: RawSettings = {};
  const passThrough: string[] = [];
  const unknownFlags: string[] = [];
  const errors: string[] = [];
  let targetDir: string | undefined;
  let from: string | undefined;
  // Whose the plain words after a flag are: a list flag's, projen's (an unknown flag), or none (the target).
  let wordsFor: OptionSpec | 'projen' | undefined;

  const addToList = (option: OptionSpec, word: string): number => {
    const items = splitList(word);
    settings[option.setting] = [...(settings[option.setting] as string[] | undefined ?? []), ...items];
    // projen's yargs does not split commas, so it gets the items as separate words.
    passThrough.push(...items);
    return items.length;
  };

  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      // `--` ends option parsing: the rest belongs to projen as written.
      passThrough.push(...argv.slice(token.index));
      break;
    }
    if (token.kind === 'positional') {
      if (wordsFor === 'projen') passThrough.push(token.value);
      else if (wordsFor) addToList(wordsFor, token.value);
      else if (targetDir === undefined) targetDir = token.value;
      else errors.push(`unexpected argument "${token.value}" (only one target directory can be given; put it first)`);
      continue;
    }

    wordsFor = undefined;
    if (token.name === 'help' || token.name === 'version') continue;
    const word = argv[token.index];
    // Node gives a value flag the next word even if that is a flag (`--region --no-git`): then it has none.
    const next = token.inlineValue === false ? argv[token.index + 1] : undefined;
    const value = token.inlineValue ? token.value : next !== undefined && !isFlag(next) ? next : undefined;
    const option = findOption(token.name);

    if (token.name === 'from') {
      // projen gets --from from us, once. `-f=SPEC` is yargs' spelling of `-fSPEC`.
      const spec = token.rawName === '-f' ? value?.replace(/^=/, '') : value;
      if (!spec) errors.push(`${token.rawName} needs a value, e.g. --from projen-bottlerocket-eks@1.2.3`);
      else if (from !== undefined) errors.push('--from was given more than once');
      else from = spec;
    } else if (!option) {
      unknownFlags.push(word);
      passThrough.push(word);
      if (!isSwitch(word)) wordsFor = 'projen';
    } else if (option.kind === 'list') {
      passThrough.push(flagOf(option));
      if ((value === undefined ? 0 : addToList(option, value)) === 0) errors.push(`${flagOf(option)} needs at least one value`);
      wordsFor = option;
    } else {
      if (value === undefined) errors.push(`${flagOf(option)} needs a value`);
      // yargs would turn a repeated flag into an array; refuse it instead of guessing.
      else if (settings[option.setting] !== undefined) errors.push(`${flagOf(option)} was given more than once`);
      else settings[option.setting] = option.kind === 'number' ? parseNumber(value) : value;
      passThrough.push(word, ...(next === undefined ? [] : [next]));
    }
  }

  if (errors.length > 0 && !help && !version) throw new UsageError(errors[0]);
  return { targetDir, from, settings, passThrough, unknownFlags, help, version };
}
