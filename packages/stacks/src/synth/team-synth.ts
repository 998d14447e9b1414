import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib/core';
import { StackKind, templateFileName } from 'bottlerocket-eks-config';
import { collectBuilders, runBuilders, synthApps, teamAppProps } from './app';
import { writeAssemblyTemplates } from './assembly-templates';
import { CommandIo } from '../process/io';

/** The templates a synth writes, by stack kind: what `prune` removes where no deployment writes them. */
const TEMPLATE_FILES = Object.values(StackKind).map(templateFileName);

/** What to synthesize: the stack apps of a team repository and where their output goes. */
export interface TeamSynthOptions {
  /** Each stack app's `src/main.ts`. */
  readonly mainFiles: string[];
  /** The cloud assembly folder; without it the app runs under the CDK CLI, which gives the folder. */
  readonly output?: string;
  /** Where each stack is also written as `<kind>.yaml` (needs `output`). */
  readonly templates?: string;
  /** Remove the templates no deployment wrote (needs `templates`). */
  readonly prune?: boolean;
  /** The environment whose settings file to use, in a repository of several. */
  readonly environment?: string;
  /** Every environment, each into `<output>/<name>` and `<templates>/<name>` (needs `output`). */
  readonly environments?: string[];
}

/**
 * Every stack app of a team repository in one App.
 *
 * Under the CDK CLI (`cdk synth --app "node all-apps.js <main.ts>..."`) the CLI
 * gives the output folder and the context. With `output`, the app runs without the CLI:
 * it reads the context of `cdk.json` itself, writes a fresh cloud assembly to the folder and,
 * with `templates`, each stack as `<dir>/<kind>.yaml`. That is what `cdk synth` does for
 * an app that makes no lookups, without starting the CLI (most of the time of a synth);
 * `cdk diff` and `cdk deploy --app <cdk.out>` read the result as they read the CLI's.
 *
 * `environments` synthesizes each environment, loading the apps and aws-cdk-lib once.
 * `prune` removes the templates no deployment wrote (those of an environment taken out of
 * `.projenrc.ts`, or of the one environment before there were several).
 */
export function synthTeam(options: TeamSynthOptions, io: CommandIo): number {
  if (!options.output) {
    synthApps(options.mainFiles, undefined, { environment: options.environment });
    return 0;
  }
  const output = path.resolve(options.output);
  // A fresh assembly: nothing left of a stack an earlier synth wrote.
  fs.rmSync(output, { recursive: true, force: true });
  const builders = collectBuilders(options.mainFiles);
  const deployments = options.environments
    ? options.environments.map((environment) => ({
      environment, outdir: path.join(output, environment), templates: options.templates && path.join(options.templates, environment),
    }))
    : [{ environment: options.environment, outdir: output, templates: options.templates }];
  for (const { environment, outdir, templates } of deployments) {
    runBuilders(builders, new App({ ...teamAppProps(io.env), outdir, context: cliContext(process.cwd()) }), { environment });
    if (templates && writeAssemblyTemplates(outdir, templates, io) !== 0) return 1;
  }
  if (options.prune) pruneTemplates(options.templates!, deployments.map((d) => d.templates!));
  return 0;
}

/**
 * Removes the stack templates (`<kind>.yaml`) of `root` and of its sub-folders but those in
 * `keep`, and each sub-folder left empty: nothing else of the folder is touched.
 */
export function pruneTemplates(root: string, keep: string[]): void {
  if (!fs.existsSync(root)) return;
  const kept = new Set(keep.map((dir) => path.resolve(dir)));
  const folders = [root, ...fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(root, e.name))];
  for (const folder of folders.filter((f) => !kept.has(path.resolve(f)))) {
    for (const file of TEMPLATE_FILES) fs.rmSync(path.join(folder, file), { force: true });
    if (folder !== root && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
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
