import { deploymentPaths, ResolvedSettings, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { CiEnvironment, ciEnvironments } from '../ci-options';
import { DEPLOY_ROLE_TEMPLATE, deployRoleTemplatePath } from '../deploy-role';
import { TeamDeployment, TeamEnvironment } from '../environments';
import { BottlerocketEksProjectOptions } from '../options';

/** How the README names one deployment's stacks and commands. */
export interface DeploymentNames {
  /** Its stacks', exports' and roles' names. */
  readonly names: ResourceNames;
  /** The suffix of its projen tasks: nothing, or `:<name>`. */
  readonly task: string;
  /** The configuration of its nx targets: nothing, or ` -c <name>`. */
  readonly nx: string;
  /** A stack's name as the README writes it. */
  stack(kind: StackKind): string;
}

/** The deployment whose values (region, sizes, versions) the README shows. */
export interface ShownDeployment extends DeploymentNames {
  /** Its resolved settings. */
  readonly settings: ResolvedSettings;
  /** Its deploy role template. */
  readonly roleTemplate: string;
  /** The section, saying under its title whose values it shows when there are other environments. */
  withNote(section: string): string;
}

/** Any one deployment, in the README's general statements: the only one, or `<name>` and `<prefix>` of each environment. */
export interface EachDeployment extends DeploymentNames {
  /** What a command of one deployment acts on: nothing, or ` of that environment`. */
  readonly of: string;
  /** Its settings file. */
  readonly settingsFile: string;
  /** Its templates folder. */
  readonly templates: string;
  /** Its deploy role template. */
  readonly roleTemplate: string;
  /** The record of its last applied Kubernetes upgrade step (`deploymentPaths().upgradeRecord`). */
  readonly upgradeRecord: string;
  /** The letters of its zones, which its subnet exports carry. */
  readonly zoneLetters: string[];
}

/**
 * The README's view of the repository's deployments, decided once: one deployment, or several
 * environments. The sections take names, commands and paths from here rather than asking.
 */
export interface DeploymentsView {
  /** The repository's prefix: the README's title. */
  readonly title: string;
  /**
   * Whether the repository has environments: the sections whose text, not only names, differs
   * (a table per environment, a sentence about each) choose by it.
   */
  readonly hasEnvironments: boolean;
  /** The environments as CI sees them, in the order listed; empty in a repository of one deployment. */
  readonly environments: CiEnvironment[];
  /** The environments as given in `.projenrc.ts`, in the order listed; empty without environments. */
  readonly given: TeamEnvironment[];
  /** The deployment whose values the sections show: the only one, or the first environment. */
  readonly shown: ShownDeployment;
  /** Any one deployment, as the general statements (commands, files, exports, changes) name it. */
  readonly each: EachDeployment;
}

/**
 * @param settings the settings of the repository (of its first environment, with environments)
 * @param options the project options, if any
 * @param deployments the repository's deployments; none: one, of `settings`
 */
export function deploymentsView(
  settings: ResolvedSettings, options: BottlerocketEksProjectOptions | undefined, deployments: TeamDeployment[],
): DeploymentsView {
  const environments = ciEnvironments(options ?? {}, deployments);
  return environments.length > 0 ? severalEnvironments(settings, options, environments) : oneDeployment(settings);
}

/** Several environments: the README shows the first one's values, and names any one by `<name>` and `<prefix>`. */
function severalEnvironments(
  settings: ResolvedSettings, options: BottlerocketEksProjectOptions | undefined, environments: CiEnvironment[],
): DeploymentsView {
  const [first] = environments;
  const names = new ResourceNames('<prefix>');
  const { settingsFile, templates, upgradeRecord } = deploymentPaths('<name>');
  return {
    title: options?.pjPrefix ?? settings.pjPrefix,
    hasEnvironments: true,
    environments,
    given: options?.environments ?? [],
    shown: {
      ...ownNames(settings, `:${first.name}`, ` -c ${first.name}`),
      settings,
      roleTemplate: first.roleTemplate,
      withNote: (section) => {
        const end = section.indexOf('\n\n');
        return `${section.slice(0, end)}\n\nValues of the first environment, ${first.name} (\`${settings.pjPrefix}\`): see [Environments](#environments) for the others.${section.slice(end)}`;
      },
    },
    each: {
      names,
      task: ':<name>',
      nx: ' -c <name>',
      // In code: outside it, Markdown would read `<prefix>` as an HTML tag.
      stack: (kind) => `\`${names.stack(kind)}\``,
      of: ' of that environment',
      settingsFile,
      templates,
      roleTemplate: deployRoleTemplatePath(templates),
      upgradeRecord,
      zoneLetters: ['<zone letter>'],
    },
  };
}

/** One deployment: the README shows its values and names it by its own names. */
function oneDeployment(settings: ResolvedSettings): DeploymentsView {
  const names = ownNames(settings, '', '');
  const { settingsFile, templates, upgradeRecord } = deploymentPaths();
  return {
    title: settings.pjPrefix,
    hasEnvironments: false,
    environments: [],
    given: [],
    shown: { ...names, settings, roleTemplate: DEPLOY_ROLE_TEMPLATE, withNote: (section) => section },
    each: {
      ...names,
      of: '',
      settingsFile,
      templates,
      roleTemplate: DEPLOY_ROLE_TEMPLATE,
      upgradeRecord,
      zoneLetters: settings.availabilityZones.map((z) => ResourceNames.zoneLetter(settings.region, z)),
    },
  };
}

/** The deployment's own names, with the suffixes of its commands. */
function ownNames(settings: ResolvedSettings, task: string, nx: string): DeploymentNames {
  const names = new ResourceNames(settings.pjPrefix);
  return { names, task, nx, stack: (kind) => names.stack(kind) };
}
