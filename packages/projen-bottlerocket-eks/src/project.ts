import {
  ASSEMBLY_DIR, costCommandLine, deploymentPaths, preflightCommandLine, releasesCommandLine, ResolvedSettings, ResourceNames, statusCommandLine,
  TEAM_TASKS, upgradeCommandLine,
} from 'bottlerocket-eks-config';
import { javascript, Task, typescript } from 'projen';
import { AllStacksApp } from './all-stacks-app';
import { validateCiOptions } from './ci-options';
import { TeamCiRoles } from './ci-roles/team-ci-roles';
import { fromProjenNew } from './command-line';
import { resolveDeployments, TeamDeployment } from './environments';
import { TeamNxWorkspace } from './nx-workspace';
import { BottlerocketEksProjectOptions } from './options';
import { checkKnownOptions, pickSettings, validateOptions } from './project-options';
import { TeamReadme } from './readme';
import { TeamSettingsFile } from './settings-file';
import { StackApp } from './stack-app';
import { COST_TASK, KUBERNETES_UPGRADE_TASK, RELEASES_TASK } from './task-names';
import { TeamLockfile } from './team-lockfile';
import { TeamTests } from './team-tests';
import { TeamWorkflows } from './team-workflows';
import { DEFAULT_VERSIONS, ownVersion } from './versions';

/**
 * A team repository that deploys a VPC, an EKS cluster and a Bottlerocket Spot managed
 * node group, named by the team's project prefix: an nx monorepo with one CDK app per
 * stack, one install, and the settings in `.projenrc.ts`.
 *
 * @pjid bottlerocket-eks
 */
export class BottlerocketEksProject extends typescript.TypeScriptProject {
  /** The validated settings of the first deployment (the only one, or the first environment). */
  public readonly settings: ResolvedSettings;
  /** Every deployment: the only one, or one per environment, in the order listed. */
  public readonly deployments: TeamDeployment[];
  /** The three stack apps, in deploy order. */
  public readonly apps: StackApp[];
  /** The one CDK app of all the stacks, and its `synth` task. */
  public readonly allStacks: AllStacksApp;

  constructor(options: BottlerocketEksProjectOptions) {
    options = fromProjenNew(options);
    // What the team chose, as given: resolved here, and written to the settings file as it is.
    const chosen = pickSettings(options);
    // Validate first: a bad option must fail before any file is written.
    const deployments = validateOptions(options, () => {
      checkKnownOptions(options);
      validateCiOptions(options);
      const resolved = resolveDeployments(chosen, options.environments, options.deployRoleArn);
      resolved.forEach((d, i) => validateCiOptions(d.ci, `environments[${i}].`));
      return resolved;
    });
    const settings = deployments[0].settings;
    super({
      defaultReleaseBranch: 'main',
      packageManager: javascript.NodePackageManager.NPM,
      // engines: >= 20, as the libraries it installs (bottlerocket-eks-stacks, -config) say: Node 20
      // still works but is past its end of life, the README names 22 and 24 and
      // the workflows run on 24 (team-workflows.ts).
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
      // One tsconfig.json, for the apps and for .projenrc.ts (see addBuildTasks).
      disableTsconfigDev: true,
      npmignoreEnabled: false,
      projenVersion: DEFAULT_VERSIONS.projen,
      ...options,
      tsconfig: {
        // skipLibCheck: the apps are checked against the libraries' declarations, which are
        // not checked themselves (their authors did); type errors in the team's code still fail.
        compilerOptions: { rootDir: '.', noEmit: true, skipLibCheck: true },
        ...options.tsconfig,
      },
    });
    this.settings = settings;
    this.deployments = deployments;
    this.showDerivedDefaults(settings);

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
    // Every task finds the installed commands (cdk, nx, tsc, bottlerocket-eks) in node_modules/.bin,
    // also when projen is not started through npx. projen asks `npx -c` for that PATH before each
    // task (a second per task of a build); projen's own shell evaluates this `echo` in-process,
    // starting nothing. ($PWD is the repository root there. On Windows the `:` makes one entry
    // of no use, and npx's own node_modules/.bin entry, further on in $PATH, still serves.)
    this.tasks.addEnvironment('PATH', '$(echo "$PWD/node_modules/.bin:$PATH")');
    this.gitignore.exclude(`${ASSEMBLY_DIR}/`, '.nx/');
    // npm 11 asks about these two install scripts on every install; reviewed, neither is needed:
    // nx's only updates an Nx Cloud client (this repository never connects to Nx Cloud) and
    // esbuild's (tsx's and the stacks library's transpiler) only checks its binary, which npm
    // installs as an optional dependency.
    this.package.addField('allowScripts', { nx: false, esbuild: false });
    new TeamLockfile(this);

    for (const deployment of deployments) new TeamSettingsFile(this, deployment.options, deployment.settingsFile);
    new TeamNxWorkspace(this, deployments.map((d) => d.settingsFile));
    const order = ResourceNames.DEPLOY_ORDER;
    const environments = deployments.flatMap((d) => (d.environment ? [d.environment] : []));
    this.apps = order.map((kind, i) => new StackApp(this, { kind, after: order[i - 1], before: order[i + 1], environments }));
    new TeamReadme(this, settings, options, deployments);
    new TeamWorkflows(this, settings, options, deployments);
    new TeamCiRoles(this, settings, options, deployments);
    this.allStacks = new AllStacksApp(this, this.apps.map((app) => app.outdir), environments);
    this.addBuildTasks();
    // The team's own tests read cdk.out and templates/: `build` runs them after its synth.
    this.tasks.tryFind(this.buildTask.name)!.spawn(new TeamTests(this).task);
    this.addStackTasks(this.allStacks.synthTask);
  }

  /**
   * Under `projen new`: the settings `.projenrc.ts` shows as commented lines with their
   * defaults (those tagged `@featured`) show the value this repository gets where the default
   * depends on other settings (the zones on the region, the instance types on the architecture)
   * or is empty, rather than `undefined`.
   */
  private showDerivedDefaults(settings: ResolvedSettings): void {
    const derived: Record<string, string[]> = {
      availabilityZones: settings.availabilityZones,
      instanceTypes: settings.nodegroups[0].instanceTypes,
      adminPrincipalArns: settings.adminPrincipalArns,
    };
    // `initProject` (deprecated for components, which get it in projectCreation) is the one way
    // to reach the options before projen's own component renders .projenrc.ts.
    for (const option of this.initProject?.type.options ?? []) {
      const value = derived[option.name];
      if (value) (option as { default?: string }).default = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    }
  }

  /**
   * `build`: synthesize the project files, type-check, synthesize the stacks; no task that
   * does nothing (projen's `pre-compile`, `test`, `package` and `watch`).
   */
  private addBuildTasks(): void {
    // tsx runs .projenrc.ts and the apps without type-checking them: the build does, in one
    // tsc run over both (.projenrc.ts is named, a `**` glob does not match a dotfile).
    this.tsconfig!.removeInclude(`${this.srcdir}/**/*.ts`);
    for (const include of [`${this.srcdir}/*/src/**/*.ts`, '.projenrc.ts', 'projenrc/**/*.ts']) this.tsconfig!.addInclude(include);
    // projen's own tsconfig for .projenrc.ts and projenrc/ would only repeat this one (and
    // leave a projenrc/ folder holding nothing else).
    const projenrcTsconfig = 'projenrc/tsconfig.json';
    this.tryRemoveFile(projenrcTsconfig);
    this.gitignore.removePatterns(`!/${projenrcTsconfig}`);
    this.gitattributes.removeAttributes(`/${projenrcTsconfig}`);
    this.compileTask.reset('tsc --noEmit -p tsconfig.json');
    this.postCompileTask.spawn(this.allStacks.synthTask);
    // projen's `build` task is locked with a step for each phase: it is replaced by one with
    // the phases that do something, and the empty ones are removed. Their task objects are
    // locked, so a step added to one of them (`project.testTask.exec(...)`) fails rather than
    // being dropped in silence: add a task of your own and spawn it from `build` instead.
    const steps = [this.defaultTask, this.compileTask, this.postCompileTask];
    this.tasks.removeTask(this.buildTask.name);
    const build = this.addTask(this.buildTask.name, {
      description: 'Regenerate the project files, type-check .projenrc.ts and the apps, synthesize the templates',
    });
    for (const step of steps) if (step) build.spawn(step);
    for (const empty of [this.preCompileTask, this.testTask, this.packageTask, this.watchTask]) {
      this.tasks.removeTask(empty.name);
      empty.lock();
    }
  }

  /**
   * Root tasks: preflight, then diff, deploy and destroy through nx; status and
   * kubernetes-upgrade of what is deployed. With environments, each has its own
   * (`deploy:<name>`, ...); the plain ones then refuse, listing the environments (the
   * preflight, status and upgrade commands find no settings file without an environment).
   * One `releases` of the whole repository; `cost` of every environment (with their total) and
   * `cost:<environment>` of one.
   */
  private addStackTasks(synth: Task): void {
    this.addDeploymentTasks(synth, this.deployments.length > 1 || this.deployments[0].environment ? undefined : this.deployments[0]);
    for (const deployment of this.deployments.filter((d) => d.environment)) this.addDeploymentTasks(synth, deployment);
    // The release train runs through the environments in their order: one task reads them all
    // (with the caller's credentials), from the settings files, so no synth comes first.
    const environments = this.deployments.flatMap((d) => (d.environment ? [d.environment] : []));
    this.addTask(RELEASES_TASK, {
      description: 'Show the Bottlerocket release train: what runs in each environment, what is due to which and when, what is blocked (-- --json)',
      exec: releasesCommandLine({ environments: environments.length > 0 ? environments : undefined }),
      receiveArgs: true,
    });
    // The estimate reads the settings files only (no synth, no AWS unless `-- --live`).
    const cost = (names: string[] | undefined, which: string) => ({
      description: `Estimate what ${which} costs a month, line by line, with the sources of its prices (-- --json, -- --live)`,
      exec: costCommandLine({ environments: names }),
      receiveArgs: true,
    });
    this.addTask(COST_TASK, cost(environments.length > 0 ? environments : undefined, environments.length > 0 ? 'each environment' : 'the deployment'));
    for (const environment of environments) this.addTask(`${COST_TASK}:${environment}`, cost([environment], `environment ${environment}`));
  }

  /**
   * preflight, diff, deploy, destroy, status and kubernetes-upgrade of one deployment (suffixed
   * `:<environment>`), or the plain ones (`deployment` undefined: a repository with environments).
   */
  private addDeploymentTasks(synth: Task, deployment: TeamDeployment | undefined): void {
    const environment = deployment?.environment;
    const suffix = environment ? `:${environment}` : '';
    const of = environment ? ` of ${environment}` : '';
    // Deploys go through nx, one stack at a time, in graph order; each stack's target asks
    // STS again and plans its own stack (so `npx nx deploy cluster` is checked too). Stream:
    // nx would otherwise hide the CDK CLI's progress.
    const nx = (target: string) => `nx run-many -t ${target}${environment ? ` -c ${environment}` : ''} --parallel=1 --nxBail --outputStyle=stream`;
    this.addTask(`preflight${suffix}`, {
      description: `Say which account, caller, partition, region and stacks a deploy${of} would hit; fail on the wrong ones (--json for scripts)`,
      exec: preflightCommandLine({ environment }),
      receiveArgs: true,
    });
    // The update plan of every stack at once, before the first one is touched: a change
    // CloudFormation cannot carry out stops the deploy here, not half-way.
    const planned = (task: Task) => {
      task.spawn(synth);
      task.exec(preflightCommandLine({ environment, assembly: deployment?.assembly ?? deploymentPaths().assembly }));
      return task;
    };
    planned(this.addTask(`diff${suffix}`, { description: `Preflight and update plan of every stack${of}, then cdk diff of each` })).exec(nx('diff'));
    planned(this.addTask(`${TEAM_TASKS.deploy}${suffix}`, { description: `Preflight and update plan, then deploy network, cluster and nodegroup${of}, in that order` }))
      .exec(nx('deploy'));
    const destroy = this.addTask(`destroy${suffix}`, {
      description: `Destroy nodegroup, cluster (its deletion protection turned off first) and network${of}, in that order; `
        + `needs --confirm=${deployment?.settings.pjPrefix ?? '<prefix>'}`,
    });
    destroy.exec(preflightCommandLine({ environment, destroy: true }), { receiveArgs: true });
    destroy.exec(nx('destroy'), { receiveArgs: true });
    // What is deployed against what this commit would deploy: the synth first, so the status
    // can show the update plan in brief. Flags pass through (`npx projen status -- --json`).
    // The plain task of a repository with environments synthesizes nothing: like the plain
    // preflight, it only refuses, listing the environments.
    const status = this.addTask(`${TEAM_TASKS.status}${suffix}`, {
      description: `Show the deployed stacks${of} and whether anything needs attention (drift, cluster version and support, upgrade insights, `
        + 'add-ons, node groups): exit 1 if so (-- --json, -- --no-drift, -- --support-days N)',
    });
    if (deployment) status.spawn(synth);
    status.exec(statusCommandLine({ environment, assembly: deployment?.assembly }), { receiveArgs: true });
    // Run by a person: it plans, and only with `-- --apply` edits .projenrc.ts and runs `npx projen`.
    this.addTask(`${KUBERNETES_UPGRADE_TASK}${suffix}`, {
      description: `Plan the next Kubernetes minor version${of} (or the way back, --rollback); --apply writes it into .projenrc.ts and runs npx projen`,
      exec: upgradeCommandLine({ environment }),
      receiveArgs: true,
    });
  }
}
