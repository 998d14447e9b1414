import { ResolvedSettings, ResourceNames, Settings, SETTINGS_FILE_NAME } from 'bottlerocket-eks-config';
import { javascript, typescript } from 'projen';
import { TeamNxWorkspace } from './nx-workspace';
import { AllStacksApp } from './all-stacks-app';
import { fromProjenNew } from './command-line';
import { BottlerocketEksProjectOptions } from './options';
import { TeamReadme } from './readme';
import { checkKnownOptions, pickSettings, validateOptions } from './project-options';
import { TeamSettingsFile } from './settings-file';
import { StackApp } from './stack-app';
import { DEFAULT_VERSIONS, ownVersion } from './versions';

/**
 * A team repository that deploys a VPC, an EKS cluster and a Bottlerocket Spot managed
 * node group, named by the team's project prefix: an nx monorepo with one CDK app per
 * stack, one install, and the settings in `.projenrc.ts`.
 *
 * @pjid bottlerocket-eks
 */
export class BottlerocketEksProject extends typescript.TypeScriptProject {
  /** The validated deployment settings. */
  public readonly settings: ResolvedSettings;
  /** The three stack apps, in deploy order. */
  public readonly apps: StackApp[];

  constructor(options: BottlerocketEksProjectOptions) {
    options = fromProjenNew(options);
    // Validate first: a bad option must fail before any file is written.
    const settings = validateOptions(options, () => {
      checkKnownOptions(options);
      return Settings.resolve(pickSettings(options));
    });
    super({
      defaultReleaseBranch: 'main',
      packageManager: javascript.NodePackageManager.NPM,
      minNodeVersion: '20.0.0',
      typescriptVersion: DEFAULT_VERSIONS.typescript,
      projenrcTs: true,
      projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },
      sampleCode: false,
      jest: false,
      eslint: false,
      prettier: false,
      release: false,
      package: false,
      github: false,
      depsUpgrade: false,
      entrypoint: '',
      srcdir: 'packages',
      tsconfigDevFile: 'tsconfig.dev.json',
      npmignoreEnabled: false,
      projenVersion: DEFAULT_VERSIONS.projen,
      ...options,
      tsconfig: {
        include: ['packages/*/src/**/*.ts'],
        compilerOptions: { rootDir: '.', noEmit: true },
        ...options.tsconfig,
      },
    });
    this.settings = settings;

    this.addDeps(
      `aws-cdk-lib@${options.cdkVersion ?? DEFAULT_VERSIONS.awsCdkLib}`,
      `constructs@${options.constructsVersion ?? DEFAULT_VERSIONS.constructs}`,
      options.stacksDependency ?? `bottlerocket-eks-stacks@^${ownVersion()}`,
    );
    this.addDevDeps(
      `aws-cdk@${options.cdkCliVersion ?? DEFAULT_VERSIONS.awsCdkCli}`,
      `nx@${options.nxVersion ?? DEFAULT_VERSIONS.nx}`,
      `tsx@${DEFAULT_VERSIONS.tsx}`,
    );
    this.gitignore.exclude('cdk.out/', '.nx/');

    new TeamSettingsFile(this, pickSettings(options));
    new TeamNxWorkspace(this, SETTINGS_FILE_NAME);
    const order = ResourceNames.DEPLOY_ORDER;
    this.apps = order.map((kind, i) => new StackApp(this, { kind, after: order[i - 1], before: order[i + 1] }));
    new TeamReadme(this, settings);
    this.addStackTasks();
  }

  /** Root tasks: type-check, then synth every stack through nx; deploy/diff/destroy through nx too. */
  private addStackTasks(): void {
    // The apps run through tsx, which does not type-check: the build does, once.
    this.compileTask.reset('tsc --noEmit -p tsconfig.json');
    this.postCompileTask.spawn(new AllStacksApp(this, this.apps.map((app) => app.outdir)).synthTask);
    // Deploys go through nx, one stack at a time, in graph order; each stack's target asks
    // STS again (so `npx nx deploy cluster` is checked too). Stream: nx would otherwise hide
    // the CDK CLI's progress.
    const nx = (target: string) => `nx run-many -t ${target} --parallel=1 --nxBail --outputStyle=stream`;
    const preflight = this.addTask('preflight', {
      description: 'Say which account, caller, partition, region and stacks a deploy would hit; fail on the wrong ones (--json for scripts)',
      exec: 'bottlerocket-eks preflight',
      receiveArgs: true,
    });
    const diff = this.addTask('diff', { description: 'Preflight, then cdk diff of every stack' });
    diff.spawn(preflight);
    diff.exec(nx('diff'));
    const deploy = this.addTask('deploy', { description: 'Preflight, then deploy network, cluster and nodegroup, in that order' });
    deploy.spawn(preflight);
    deploy.exec(nx('deploy'));
    const destroy = this.addTask('destroy', {
      description: `Destroy nodegroup, cluster and network, in that order; needs --confirm=${this.settings.pjPrefix}`,
    });
    destroy.exec('bottlerocket-eks preflight --destroy', { receiveArgs: true });
    destroy.exec(nx('destroy'), { receiveArgs: true });
  }
}
