import {
  BottlerocketEksSettings, deploymentPaths, EnvironmentSettings, ResolvedSettings, ResourceNames, Settings,
} from 'bottlerocket-eks-config';

/** How CI deploys one environment. */
export interface TeamEnvironmentCi {
  /**
   * The IAM role the `deploy` workflow assumes for this environment (the environment's
   * `templates/<name>/github-deploy-role.yaml`, deployed in its account).
   * @default - the top-level `deployRoleArn`
   */
  readonly deployRoleArn?: string;
  /**
   * The GitHub environment of this environment's deploy job: add required reviewers to it to
   * approve each deploy (production, say).
   * @default - the environment's prefix
   */
  readonly deployEnvironment?: string;
}

/** An environment of a team repository: its settings, and how CI deploys it. */
export interface TeamEnvironment extends EnvironmentSettings, TeamEnvironmentCi {}

/**
 * One deployment of a team repository: the repository's only one, or one of its
 * environments. Each has its settings file, its cloud assembly and its templates, where
 * `deploymentPaths` of the config package puts them (the stacks library looks there).
 */
export interface TeamDeployment {
  /** The environment's name; undefined in a repository of one environment. */
  readonly environment?: string;
  /** The options its settings file holds (as given: the top level's with the environment's over them). */
  readonly options: BottlerocketEksSettings;
  /** Its resolved settings. */
  readonly settings: ResolvedSettings;
  /** Its settings file, at the repository root. */
  readonly settingsFile: string;
  /** Its cloud assembly, from the repository root: `cdk.out`, or `cdk.out/<environment>`. */
  readonly assembly: string;
  /** Its templates folder: `templates`, or `templates/<environment>`. */
  readonly templates: string;
  /** The CI options of an environment (`deployRoleArn`, `deployEnvironment`), when it gives them. */
  readonly ci: TeamEnvironmentCi;
}

/**
 * Resolves the deployments of a repository from `.projenrc.ts`: one from the top-level settings,
 * or one per environment (validated each on its own, in the order listed), each with its CI
 * options. A deployment CI deploys (its own `deployRoleArn`, or `deployRoleArn` of the top
 * level) gets the permissions boundary of its deploy role template on its roles, unless the
 * team chose one. (Not the stacks library's `teamDeployments`, which finds a synthesized
 * repository's deployments on disk.)
 */
export function resolveDeployments(
  settings: BottlerocketEksSettings, environments: TeamEnvironment[] | undefined, deployRoleArn?: string,
): TeamDeployment[] {
  if (environments === undefined) {
    const ci = { deployRoleArn };
    const resolved = Settings.resolve(settings);
    return [withRolesBoundary({ options: settings, settings: resolved, ...deploymentPaths(), ci })];
  }
  // The settings of each environment, without its CI options; anything but a list goes to the
  // validation as it is, which refuses it.
  const settingsOnly = Array.isArray(environments)
    ? environments.map(({ deployRoleArn: _role, deployEnvironment: _environment, ...own }) => own)
    : environments;
  return Settings.resolveEnvironments(settings, settingsOnly).map((resolved, i) => ({
    environment: resolved.name,
    options: resolved.options,
    settings: resolved.settings,
    ...deploymentPaths(resolved.name),
    ci: { deployRoleArn: environments[i].deployRoleArn ?? deployRoleArn, deployEnvironment: environments[i].deployEnvironment },
  })).map(withRolesBoundary);
}

/** The deployment with the deploy role template's boundary on its roles, when CI deploys it and the team chose none. */
function withRolesBoundary(deployment: TeamDeployment): TeamDeployment {
  if (!deployment.ci.deployRoleArn || deployment.options.rolePermissionsBoundary !== undefined) return deployment;
  const rolePermissionsBoundary = new ResourceNames(deployment.settings.pjPrefix).rolesBoundaryPolicy();
  return {
    ...deployment,
    options: { ...deployment.options, rolePermissionsBoundary },
    settings: { ...deployment.settings, rolePermissionsBoundary },
  };
}

/** The options of an environment that are not settings (they do not make it differ): its name, and how CI deploys it. */
const NOT_SETTINGS = new Set<string>(['name', 'deployRoleArn', 'deployEnvironment'] satisfies Array<keyof TeamEnvironment>);

/** The settings an environment sets itself, as given in `.projenrc.ts`. */
function ownSettings(given: TeamEnvironment | undefined): string[] {
  return Object.entries(given ?? {}).filter(([key, value]) => !NOT_SETTINGS.has(key) && value !== undefined).map(([key]) => key);
}

/**
 * The README's Environments section: prefix, account, region and what each environment sets
 * itself, and its commands; nothing in a repository of one deployment.
 * @param environments the environments with their resolved settings, in the order listed
 * @param given the environments as given in `.projenrc.ts`
 */
export function environmentsSection(environments: Array<{ name: string; settings: ResolvedSettings }>, given: TeamEnvironment[]): string {
  if (environments.length === 0) return '';
  const rows = environments.map((e) => {
    const own = ownSettings(given.find((g) => g.name === e.name));
    return `| ${e.name} | ${e.settings.pjPrefix} | ${e.settings.accountId ?? 'any'} | ${e.settings.region} | ${own.length > 0 ? own.map((k) => `\`${k}\``).join(', ') : '-'} |`;
  });
  const blocks = environments.map((e) => `# ${e.name} (${e.settings.pjPrefix})
npx projen preflight:${e.name}
npx projen diff:${e.name}
npx projen deploy:${e.name}
npx nx deploy cluster -c ${e.name}
npx projen destroy:${e.name} --confirm=${e.settings.pjPrefix}`);
  const paths = deploymentPaths('<name>');
  return `## Environments

Each environment deploys the three stacks on its own, under its own prefix, from its own settings file
(\`${paths.settingsFile}\`: the top-level settings of \`.projenrc.ts\` with the environment's over them),
into \`${paths.assembly}\` and \`${paths.templates}/\`. \`npx projen synth\` (and \`build\`) synthesizes all of them at once.

| environment | prefix | account | region | set by the environment (the rest is the top level's) |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

\`\`\`sh
${blocks.join('\n\n')}
\`\`\`

`;
}
