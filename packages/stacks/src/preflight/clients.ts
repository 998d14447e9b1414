import { ResolvedSettings } from 'bottlerocket-eks-config';
import { PreflightClients, ShellRegion } from './check';
import { AwsClients, defaultChainRegion } from '../aws/clients';

/**
 * The region the SDK's default chain finds (`AWS_REGION`, else the profile in
 * `~/.aws/config`), or undefined when none is set.
 */
export async function detectShellRegion(env: NodeJS.ProcessEnv = process.env): Promise<ShellRegion | undefined> {
  try {
    const region = await defaultChainRegion();
    const source = env.AWS_REGION ? 'AWS_REGION' : `profile ${env.AWS_PROFILE ?? 'default'}`;
    return { region, source };
  } catch {
    return undefined;
  }
}

/**
 * Every client of a preflight, of the team's region, with the SDK's default credentials and
 * endpoints, made by `aws` (with its timeouts, retries and deadline). STS asks in the shell's
 * region when it names one, so a mismatch is reported rather than hidden.
 */
export function preflightClients(
  settings: ResolvedSettings, shellRegion?: ShellRegion, aws: AwsClients = new AwsClients(settings.region),
): PreflightClients {
  return {
    sts: aws.sts(shellRegion?.region ?? settings.region),
    cloudFormation: aws.cloudFormation(),
    ec2: aws.ec2(),
    eks: aws.eks(),
    serviceQuotas: aws.serviceQuotas(),
    logs: aws.logs(),
    kms: aws.kms(),
    ssm: aws.ssm(),
  };
}
