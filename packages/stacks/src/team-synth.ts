import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { App } from 'aws-cdk-lib/core';
import { exitOnUserError, usageError } from 'bottlerocket-eks-config';
import { synthApps, teamAppProps } from './app';
import { writeAssemblyTemplates } from './commands/assembly-templates';
import { CommandIo } from './commands/io';

const USAGE = 'all-apps [--output <cdk.out> [--templates <dir>]] [--environment <name>] <main.ts>...';

/**
 * Every stack app of a team repository (each app's `src/main.ts`) in one App.
 *
 * Under the CDK CLI (`cdk synth --app "node --import tsx all-apps.js <main.ts>..."`) the CLI
 * gives the output folder and the context. With `--output`, the app runs without the CLI:
 * it reads the context of `cdk.json` itself, writes a fresh cloud assembly to the folder and,
 * with `--templates`, each stack as `<dir>/<kind>.yaml`. That is what `cdk synth` does for
 * an app that makes no lookups, without starting the CLI (most of the time of a synth);
 * `cdk diff` and `cdk deploy --app <cdk.out>` read the result as they read the CLI's.
 * `--environment` picks the environment's settings file in a repository of several.
 */
export function runAllApps(args: string[], io: CommandIo): number {
  return exitOnUserError(() => {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true, options: { output: { type: 'string' }, templates: { type: 'string' }, environment: { type: 'string' } },
    });
    if (positionals.length === 0 || (values.templates && !values.output)) throw usageError(`expected ${USAGE}`);
    const read = { environment: values.environment };
    if (!values.output) {
      synthApps(positionals, undefined, read);
      return 0;
    }
    const outdir = path.resolve(values.output);
    // A fresh assembly: nothing left of a stack an earlier synth wrote.
    fs.rmSync(outdir, { recursive: true, force: true });
    synthApps(positionals, new App({ ...teamAppProps(io.env), outdir, context: cliContext(process.cwd()) }), read);
    return values.templates ? writeAssemblyTemplates(outdir, values.templates, { ...io, out: { write: () => true } }) : 0;
  });
}

/**
 * The context the CDK CLI gives an app by default (path and asset metadata, version
 * reporting, bundling of every stack), so the templates are the same with or without it.
 */
const CLI_DEFAULT_CONTEXT: Record<string, unknown> = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
  'aws:cdk:bundling-stacks': ['**'],
};

/** The context `cdk synth` would give an app run in `dir`: the CLI's defaults and the `context` of `cdk.json`. */
export function cliContext(dir: string): Record<string, unknown> {
  const file = path.join(dir, 'cdk.json');
  const own = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).context ?? {} : {};
  // The CLI's own keys win over cdk.json's context, as they do under the CLI.
  return { ...own, ...CLI_DEFAULT_CONTEXT };
}
