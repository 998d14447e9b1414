import { SETTINGS_FILE_NAME, StackKind } from 'bottlerocket-eks-config';
import { Component, JsonFile, Project, SampleFile } from 'projen';
import { allAppsCommand } from './all-stacks-app';
import { cdkContext } from './cdk-context';

/** The class of the stacks library each stack kind instantiates. */
const STACK_CLASSES: Record<StackKind, string> = {
  [StackKind.NETWORK]: 'NetworkStack',
  [StackKind.CLUSTER]: 'ClusterStack',
  [StackKind.NODEGROUP]: 'NodegroupStack',
};

/** Options of one stack app. */
export interface StackAppOptions {
  /** Which of the three stacks this app deploys. */
  readonly kind: StackKind;
  /** The stack app deployed just before this one, if any. */
  readonly after?: StackKind;
  /** The stack app deployed just after this one, if any (it is destroyed first). */
  readonly before?: StackKind;
}

/**
 * One CDK app of the team repository, `packages/<kind>`: an nx project whose `project.json`
 * and `cdk.json` projen owns, and a sample `src/main.ts` that is the team's from the first
 * synthesis on (projen writes it once, never again).
 *
 * Deploys follow the nx graph: each app depends on the one before it, so `deploy` runs
 * network, cluster, nodegroup, and `destroy` runs the other way.
 */
export class StackApp extends Component {
  /** The folder of the app, relative to the repository root. */
  public readonly outdir: string;
  /** The app's generated `project.json`. */
  public readonly projectJson: JsonFile;
  /** The app's generated `cdk.json`. */
  public readonly cdkJson: JsonFile;

  constructor(project: Project, options: StackAppOptions) {
    super(project);
    const { kind } = options;
    this.outdir = `packages/${kind}`;
    const cdk = 'cdk --no-notices';
    // Every target that touches AWS asks STS first and stops on the wrong account, region or
    // partition; its arguments are not passed on to it (nx gives them to the CDK CLI).
    const preflight = (flags: string) => ({ command: `bottlerocket-eks preflight --brief${flags}`, forwardAllArgs: false });
    const withPreflight = (flags: string, command: string, forwardAllArgs = true) => ({
      executor: 'nx:run-commands',
      options: { commands: [preflight(flags), { command, forwardAllArgs }], parallel: false, cwd: this.outdir },
    });
    // diff and deploy work on the app's synthesized cloud assembly: the preflight plans the
    // stack from it (deployed template against this one), and the CDK CLI sends exactly it.
    const planned = (command: string) => ({ ...withPreflight(' --assembly cdk.out', `${command} --app cdk.out`), dependsOn: ['synth'] });

    this.projectJson = new JsonFile(project, `${this.outdir}/project.json`, {
      obj: {
        name: kind,
        $schema: '../../node_modules/nx/schemas/project-schema.json',
        projectType: 'application',
        implicitDependencies: options.after ? [options.after] : [],
        targets: {
          synth: {
            executor: 'nx:run-commands',
            // The same YAML as the root synth writes; a failed synth leaves the last good one.
            // The app alone, without the CDK CLI (see AllStacksApp): the same cdk.out, in a fraction of the time.
            options: { command: `${allAppsCommand('../..')} --output cdk.out --templates ../../templates src/main.ts`, cwd: this.outdir },
            outputs: ['{projectRoot}/cdk.out', `{workspaceRoot}/templates/${kind}.yaml`],
          },
          diff: planned(`${cdk} diff`),
          // No approval prompt (nx runs without a terminal): review with `diff` first. Events
          // rather than a progress bar, so the log reads the same in CI.
          deploy: {
            ...planned(`${cdk} deploy --all --require-approval never --progress events`),
            dependsOn: ['synth', '^deploy'],
          },
          // --confirm=<prefix> reaches the preflight, which refuses without it; 'forward' hands
          // it on to the stacks destroyed before this one.
          destroy: {
            ...withPreflight(' --destroy --confirm={args.confirm}', `${cdk} destroy --all --force`, false),
            dependsOn: options.before ? [{ projects: [options.before], target: 'destroy', params: 'forward' }] : [],
          },
        },
      },
    });

    this.cdkJson = new JsonFile(project, `${this.outdir}/cdk.json`, {
      obj: {
        // tsx runs the TypeScript app without type-checking it on every synth (the
        // build type-checks once with tsc).
        app: 'node --import tsx src/main.ts',
        output: 'cdk.out',
        context: cdkContext(),
      },
    });

    new SampleFile(project, `${this.outdir}/src/main.ts`, { contents: sampleMain(kind) });
  }
}

function sampleMain(kind: StackKind): string {
  const stackClass = STACK_CLASSES[kind];
  return [
    `import { ${stackClass}, synthApp } from 'bottlerocket-eks-stacks';`,
    '',
    '// This app is yours: projen wrote it once and never overwrites it. The settings come',
    `// from ${SETTINGS_FILE_NAME}, which projen writes from .projenrc.ts.`,
    `synthApp((app, settings) => new ${stackClass}(app, '${stackClass.replace('Stack', '')}', { settings }));`,
    '',
  ].join('\n');
}
