import { StackKind } from 'bottlerocket-eks-config';
import { Check } from './check';
import { PreflightError, PreflightErrorCode } from './errors';

/**
 * The first deploy of the cluster by a caller that `adminPrincipalArns` also lists: EKS gives
 * the cluster's creator an access entry itself, so the stack's second one would fail.
 */
export const checkCreatorListed: Check = async ({ plan, names, target, settings }) => {
  const createsCluster = plan.stacks.some((s) => s.stackName === names.stack(StackKind.CLUSTER) && s.status === 'create');
  const listed = createsCluster ? listedCaller(target.callerArn, settings.adminPrincipalArns) : undefined;
  if (!listed) return {};
  return {
    failure: new PreflightError(PreflightErrorCode.ADMIN_IS_CREATOR,
      `This deploy creates the cluster as ${target.callerArn}, which adminPrincipalArns also lists (${listed}): `
      + 'EKS gives the cluster\'s creator an access entry itself, so a second one for the same principal fails (409).',
      `Take ${listed} out of adminPrincipalArns for the first deploy (the creator is an admin anyway) and add it back afterwards, `
      + 'or deploy with the credentials of another principal.', target.callerArn),
  };
};

/**
 * The entry of `adminPrincipalArns` that is the caller: its IAM user, or the IAM role of its
 * STS session (a session ARN names the role without its path, so roles match by account and name).
 */
export function listedCaller(callerArn: string, adminPrincipalArns: string[]): string | undefined {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(callerArn);
  return adminPrincipalArns.find((arn) => {
    if (arn === callerArn) return true;
    const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
    return session !== null && role !== null && role[1] === session[1] && role[2] === session[2] && role[3] === session[3];
  });
}
