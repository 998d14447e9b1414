import { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';
import { Component, Project } from 'projen';
import { CiEnvironment, ciEnvironments, deployEnvironmentName, TeamCiOptions } from '../ci-options';
import { DEPLOY_ROLE_TEMPLATE, GitHubDeployRole } from '../deploy-role';
import { TeamDeployment } from '../environments';
import { DeploymentsView } from '../readme/deployments-view';

/**
 * The templates of the roles the workflows assume (see `GitHubDeployRole`), which the team
 * deploys once by hand: `templates/github-deploy-role.yaml`, or with environments one per
 * environment, `templates/<name>/github-deploy-role.yaml`, each trusting that environment's
 * GitHub environment.
 */
export class TeamCiRoles extends Component {
  /** Every role template: the only one, or one per environment in the order listed. */
  public readonly roles: GitHubDeployRole[];

  /**
   * @param settings the settings of the repository (of its first environment, with environments)
   * @param deployments the repository's deployments (`BottlerocketEksProject.deployments`); none: one, of `settings`
   */
  constructor(project: Project, settings: ResolvedSettings, options: TeamCiOptions, deployments: TeamDeployment[] = []) {
    super(project);
    const { githubRepository } = options;
    // Scheduled workflows run on the default branch: the status role trusts it alone.
    const statusBranch = options.defaultReleaseBranch ?? 'main';
    const environments = ciEnvironments(options, deployments);
    this.roles = environments.length > 0
      ? environments.map((e) => new GitHubDeployRole(project, e.settings, {
        githubRepository, environment: e.githubEnvironment, path: e.roleTemplate, teamEnvironment: e.name, statusBranch,
      }))
      : [new GitHubDeployRole(project, settings, { githubRepository, environment: deployEnvironmentName(options, settings), statusBranch })];
  }
}

/** The README's CI section after the workflows: how to deploy the roles, and how far each reaches. */
export function ciRolesReadme(options: TeamCiOptions, view: DeploymentsView): string {
  return view.hasEnvironments ? environmentRolesReadme(options, view.environments) : oneRoleReadme(options, view.shown.settings);
}

function oneRoleReadme(options: TeamCiOptions, settings: ResolvedSettings): string {
  const environment = deployEnvironmentName(options, settings);
  return `To deploy from GitHub Actions${options.deployRoleArn ? ' (set up: `deployRoleArn`)' : ''}: deploy the role of \`${DEPLOY_ROLE_TEMPLATE}\` once, with
credentials of the account, then set its \`DeployRoleArn\` output as \`deployRoleArn\` in \`.projenrc.ts\` and run \`npx projen\`:

\`\`\`sh
${roleStackCommands(options, settings, DEPLOY_ROLE_TEMPLATE)}
\`\`\`

${rolesReach(options, {
  trusted: `its \`${environment}\` environment (\`deployEnvironment\`)`,
  stacks: `the ${settings.pjPrefix}-* stacks`,
  readRole: `\`${new ResourceNames(settings.pjPrefix).githubReadRole()}\``,
  statusRole: `\`${new ResourceNames(settings.pjPrefix).githubStatusRole()}\``,
})}
`;
}

/** With environments: which role and template each environment has, and how to set each up in its account. */
function environmentRolesReadme(options: TeamCiOptions, environments: CiEnvironment[]): string {
  const rows = environments.map((e) => `| ${e.name} | \`${e.githubEnvironment}\` | ${e.roleArn ? `\`${e.roleArn}\`` : 'none: not deployed by CI'} | \`${e.roleTemplate}\` |`);
  const setup = environments.map((e) => `# ${e.name}, with credentials of ${e.settings.accountId ? `account ${e.settings.accountId}` : 'its account'}
${roleStackCommands(options, e.settings, e.roleTemplate)}`);
  return `| environment | GitHub environment (\`deployEnvironment\`) | deploy role (\`deployRoleArn\`) | role template |
| --- | --- | --- | --- |
${rows.join('\n')}

An environment deploys from CI with its own \`deployRoleArn\`, else the top-level one (a role of your own that reaches
every prefix: each generated template reaches only its environment's); one with neither is left out of both workflows
and deployed by hand. To set one up, deploy its role once, then set the \`DeployRoleArn\` output as that environment's
\`deployRoleArn\` in \`.projenrc.ts\` and run \`npx projen\`:

\`\`\`sh
${setup.join('\n\n')}
\`\`\`

${rolesReach(options, {
  trusted: 'its environment\'s GitHub environment (the deploys after a job waiting for approval wait too)',
  stacks: 'the `<prefix>-*` stacks of its environment',
  readRole: '`<prefix>-github-read` of each',
  statusRole: '`<prefix>-github-status` of each',
})}
`;
}

/** Deploy a role template as its stack, then read the role's ARN to set as `deployRoleArn`. */
function roleStackCommands(options: TeamCiOptions, settings: ResolvedSettings, template: string): string {
  const stackName = `${settings.pjPrefix}-github-deploy-role`;
  return `aws cloudformation deploy --region ${settings.region} --stack-name ${stackName} \\
  --template-file ${template} --capabilities CAPABILITY_NAMED_IAM \\
  --parameter-overrides GitHubRepository=${options.githubRepository ?? '<owner>/<repo>'}
aws cloudformation describe-stacks --region ${settings.region} --stack-name ${stackName} \\
  --query "Stacks[0].Outputs[?OutputKey=='DeployRoleArn'].OutputValue" --output text`;
}

/**
 * What a role template makes and how far each role reaches: `trusted` names the GitHub
 * environment the deploy role trusts, `stacks` the stacks it deploys, `readRole` the read-only
 * role, `statusRole` the status role.
 */
function rolesReach(
  options: TeamCiOptions, { trusted, stacks, readRole, statusRole }: { trusted: string; stacks: string; readRole: string; statusRole: string },
): string {
  const branch = options.defaultReleaseBranch ?? 'main';
  const repository = options.githubRepository ? `\`${options.githubRepository}\`` : 'the repository given';
  return `A role template makes four things. The **deploy role** trusts only ${repository} (\`githubRepository\` in
\`.projenrc.ts\` sets the default) in ${trusted}: in the repository's settings, let only ${branch} deploy to
that GitHub environment (Environments, "Deployment branches"), and add required reviewers to approve each deploy. It may
do only what the CloudFormation handlers of ${stacks} call (their resource types' published permissions), on resources
of its prefix and region, and create roles only with the **permissions boundary** the template ships, which the stacks'
roles carry whenever CI deploys them (\`rolePermissionsBoundary\`); it can never change itself or the boundary. The
**read-only role** (${readRole}) trusts the repository's pull requests and may only read what the preflight and
\`cdk diff\` read: no branch's code ever runs with write credentials. The **status role** (${statusRole}) trusts only
workflow runs on ${branch} (its \`StatusBranch\` parameter), where the scheduled \`status\` and \`releases\` workflows run, and
may only read what \`npx projen status\` and \`npx projen releases\` read: the stacks (and their drift detection), the
cluster, its upgrade insights, add-ons and node groups with their version updates, the public Bottlerocket release
parameters, and what drift detection reads of the stacks' resources.
Sessions last as long as their jobs may (two hours to
deploy). In 2026 GitHub began to put owner and repository ids into the subject of new repositories' OIDC tokens: if
the \`sub\` of one of your tokens does not start with \`repo:<owner>/<name>:\`, pass its repository part as \`GitHubRepository\`. If an account already has the
token.actions.githubusercontent.com OIDC provider, also pass \`ExistingOidcProviderArn=<its ARN>\`. The \`upgrade\` workflow
(and the \`releases\` workflow, where CI deploys) opens its pull requests with \`GITHUB_TOKEN\`, which starts no workflow: add a
\`PROJEN_GITHUB_TOKEN\` secret (contents and pull-requests write) to have them built and diffed.`;
}
