import { spawn } from 'child_process';
import * as fs from 'fs';
import { constants as osConstants } from 'os';
import * as path from 'path';
import { BottlerocketEksSettings, Settings, SettingsError, closestName, isSettingsError, kebabCase } from 'bottlerocket-eks-config';
import { ParsedArgs, RawSettings, isUsageError, parseArgs } from './args';
import { FROM_ENV_VAR, buildProjenCommand, chooseFromSpec } from './command';
import { PROGRAM, formatHelp } from './help';
import { OPTIONS, OptionSpec, findOption, flagOf } from './options';

/** Runs a command and resolves to its exit code. */
export type RunFunction = (command: string, args: string[], cwd: string) => Promise<number>;

/** The outside world of `main`, injectable so tests need neither a terminal nor a network. */
export interface CliIo {
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
  readonly env?: Record<string, string | undefined>;
  /** Where a relative target directory is resolved from. */
  readonly cwd?: string;
}

/** This package's version, read at run time so the default `--from` always matches the release. */
export function ownVersion(): string {
  // From lib/ (and src/ under ts-jest) the package root is one level up.
  return packageVersion(path.join(__dirname, '..', 'package.json'));
}

/** The projen this package depends on: its bin script and version. */
export function installedProjen(): { bin: string; version: string } {
  return { bin: require.resolve('projen/bin/projen'), version: packageVersion(require.resolve('projen/package.json')) };
}

function packageVersion(packageJson: string): string {
  return JSON.parse(fs.readFileSync(packageJson, 'utf-8')).version;
}

/** Spawns with the terminal attached, so projen's prompts and progress reach the user. */
export const spawnRun: RunFunction = (command, args, cwd) => new Promise((resolve, reject) => {
  const child = spawn(command, args, { cwd, stdio: 'inherit' });
  // Outlive Ctrl-C (the child gets it too) so a failed run can still be cleaned up; pass kills on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const stopForwarding = () => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => { stopForwarding(); reject(err); });
  child.on('close', (code, signal) => {
    stopForwarding();
    resolve(code ?? 128 + (signal ? osConstants.signals[signal] ?? 0 : 1));
  });
});

/**
 * For a refusal about `option`: a hint when a flag the user typed (passed on to projen, as
 * every unknown flag is) looks like a misspelling of it, e.g. `--pj-prefx`.
 */
function didYouMean(parsed: ParsedArgs, option: OptionSpec): string {
  const names = OPTIONS.map((o) => kebabCase(o.setting));
  const typo = parsed.unknownFlags.find((flag) => closestName(flag.replace(/^-+/, '').split('=')[0], names) === kebabCase(option.setting));
  return typo ? `; ${typo} is not a flag of this command: did you mean ${flagOf(option)}?` : '';
}

/** `Invalid pjPrefix "X": expected ....` -> the same, ending with the flag of the option refused. */
function describeSettingsError(error: SettingsError, parsed: ParsedArgs): string {
  const option = error.option === undefined ? undefined : findOption(error.option);
  const text = error.message.replace(/\.$/, '');
  return option ? `${text} (${flagOf(option)}${didYouMean(parsed, option)})` : text;
}

/** Why the target directory cannot be used, or whether it already exists (empty). */
function inspectTarget(dir: string): { exists: boolean; problem?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return { exists: false };
  }
  if (!stat.isDirectory()) return { exists: true, problem: `${dir} exists and is not a directory` };
  if (fs.readdirSync(dir).length > 0) {
    return { exists: true, problem: `${dir} already exists and is not empty; choose another directory or remove it` };
  }
  return { exists: true };
}

/** Undoes a failed run: nothing of a half-written repository may stay behind. */
function cleanUp(dir: string, existed: boolean, firstCreated: string | undefined): void {
  if (!existed) {
    fs.rmSync(firstCreated ?? dir, { recursive: true, force: true });
    return;
  }
  // The directory was there (empty) before: keep it, empty again.
  for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

/**
 * The whole command: parse, validate, then run projen in the target directory.
 * Resolves to the process exit code; user errors are reported on stderr without a stack trace.
 */
export async function main(argv: string[], io: CliIo = {}, run: RunFunction = spawnRun): Promise<number> {
  const out = io.stdout ?? ((text: string) => { process.stdout.write(text); });
  const err = io.stderr ?? ((text: string) => { process.stderr.write(text); });
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const fail = (message: string): number => { err(`${PROGRAM}: ${message}\n`); return 1; };
  const version = ownVersion();

  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (isUsageError(e)) return fail(`${e.message}. Run with --help for usage.`);
    throw e;
  }
  if (parsed.help) {
    out(formatHelp(version));
    return 0;
  }
  if (parsed.version) {
    out(`${version}\n`);
    return 0;
  }

  // Validate before touching the disk, with the same rules the project type and stacks use.
  if (parsed.settings.pjPrefix === undefined) {
    const hint = didYouMean(parsed, findOption('pjPrefix')!);
    return fail(`missing required option --pj-prefix (the project prefix, e.g. --pj-prefix team-a${hint}). Run with --help for usage.`);
  }
  try {
    Settings.resolve(toSettings(parsed.settings));
  } catch (e) {
    if (isSettingsError(e)) return fail(describeSettingsError(e, parsed));
    throw e;
  }

  // pjPrefix is validated, so it is a safe directory name.
  const targetDir = path.resolve(cwd, parsed.targetDir ?? String(parsed.settings.pjPrefix));
  const target = inspectTarget(targetDir);
  if (target.problem) return fail(target.problem);

  const projen = installedProjen();
  const from = chooseFromSpec(parsed.from, env[FROM_ENV_VAR], version);
  const command = buildProjenCommand({
    nodePath: process.execPath,
    projenBin: projen.bin,
    projenVersion: projen.version,
    from,
    passThrough: parsed.passThrough,
    targetDir,
  });

  const firstCreated = fs.mkdirSync(targetDir, { recursive: true });
  out(`Creating ${targetDir} from ${from} with projen ${projen.version}\n`);
  let code: number;
  try {
    code = await run(command.command, command.args, command.cwd);
  } catch (e) {
    cleanUp(targetDir, target.exists, firstCreated);
    return fail(`could not run projen: ${(e as Error).message}`);
  }
  if (code !== 0) {
    cleanUp(targetDir, target.exists, firstCreated);
    err(`${PROGRAM}: projen failed (exit code ${code}); removed what was created in ${targetDir}\n`);
    return code;
  }
  out(`\nDone: ${targetDir}\n`);
  return 0;
}

/** The raw values go to validation as they are: a bad number or enum is reported by name, not cast. */
function toSettings(raw: RawSettings): BottlerocketEksSettings {
  return raw as unknown as BottlerocketEksSettings;
}
