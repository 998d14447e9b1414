import { BottlerocketEksSettings } from 'bottlerocket-eks-config';
import { typescript } from 'projen';
import { TeamEnvironment } from './environments';

/**
 * Options of a bottlerocket-eks team repository: the team's deployment settings (only
 * `pjPrefix` is required; see `BottlerocketEksSettings` for every default) plus the
 * versions the repository pins.
 */
export interface BottlerocketEksProjectOptions extends typescript.TypeScriptProjectOptions, BottlerocketEksSettings {
  /**
   * Version range of aws-cdk-lib.
   * @default "^2.276.0"
   */
  readonly cdkVersion?: string;

  /**
   * Version range of the CDK CLI (`aws-cdk`).
   * @default "^2.1148.1"
   */
  readonly cdkCliVersion?: string;

  /**
   * Version range of constructs.
   * @default "^10.8.1"
   */
  readonly constructsVersion?: string;

  /**
   * Version of nx.
   * @default "24.0.6"
   */
  readonly nxVersion?: string;

  /**
   * The dependency spec of the stacks library, e.g. `bottlerocket-eks-stacks@file:../x.tgz`.
   * @default - `bottlerocket-eks-stacks@^<the version of this project type>`
   */
  readonly stacksDependency?: string;

  /**
   * Generate the `upgrade` workflow: weekly (and on demand), a pull request bumping
   * projen-bottlerocket-eks, its libraries, aws-cdk-lib and the CDK CLI together. (The
   * `build` workflow, on pull requests and pushes, is projen's own `buildWorkflow` option.)
   * @default true
   */
  readonly upgradeWorkflow?: boolean;

  /**
   * The IAM role the `deploy` workflow (pushes to the default branch) and the `diff` workflow
   * (pull requests) assume through GitHub OIDC: deploy `templates/github-deploy-role.yaml`
   * once, then set its `DeployRoleArn` output here.
   * @default - no deploy or diff workflow
   */
  readonly deployRoleArn?: string;

  /**
   * The GitHub environment the deploy and diff jobs run in (the deploy role trusts it): add
   * required reviewers to it in the repository settings to approve each deploy.
   * @default - the project prefix
   */
  readonly deployEnvironment?: string;

  /**
   * The GitHub repository (`owner/name`) the deploy role trusts: the default of the
   * `GitHubRepository` parameter of `templates/github-deploy-role.yaml`.
   * @default - none: pass the parameter when deploying the role
   */
  readonly githubRepository?: string;

  /**
   * Environments (development, production, another region), each deployed on its own under
   * its own prefix (`<pjPrefix>-<name>` unless given), account and region, with the settings
   * in which it differs from the top level. Each has its settings file, `cdk.out/<name>`,
   * `templates/<name>/` and its tasks (`npx projen deploy:<name>`, `npx nx deploy cluster -c <name>`);
   * the deploy workflow deploys them in this order.
   * @default - one environment: the top-level settings
   */
  readonly environments?: TeamEnvironment[];
}
