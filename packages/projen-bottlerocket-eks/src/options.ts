import { BottlerocketEksSettings } from 'bottlerocket-eks-config';
import { typescript } from 'projen';

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
}
