import { StackKind } from 'bottlerocket-eks-config';
import { CheckFinding, DeployContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';
import { DescribeLogGroupsCommand } from '../aws/sdk';
import { CONTROL_PLANE_LOG_GROUP_ID, controlPlaneLogGroupName } from '../stacks/template-ids';

/**
 * With `logRetentionDays`, the cluster stack creates the control plane log group. EKS makes
 * that log group itself the first time a cluster logs (control plane logging is on by
 * default), and a log group retained by an earlier stack keeps its name: creating one of the
 * same name fails inside CloudFormation, half-way through the deploy. So when the plan
 * creates it and it exists, stop here with the import that makes the stack own it.
 */
export async function checkControlPlaneLogGroup(context: DeployContext): Promise<CheckFinding> {
  const stackName = context.names.stack(StackKind.CLUSTER);
  const stackPlan = context.plan.stacks.find((plan) => plan.stackName === stackName);
  const creates = stackPlan?.changes.some((c) => c.logicalId === CONTROL_PLANE_LOG_GROUP_ID && c.type === 'AWS::Logs::LogGroup' && c.action === 'create');
  if (!stackPlan || !creates) return {};
  const logGroupName = controlPlaneLogGroupName(context.names.cluster(context.settings.clusterName));
  const region = context.settings.region;
  const found = await context.clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
  if (!(found.logGroups ?? []).some((group) => group.logGroupName === logGroupName)) return {};
  return {
    failure: new PreflightError(PreflightErrorCode.LOG_GROUP_EXISTS,
      `The log group ${logGroupName} already exists in account ${context.target.account}, ${region} (made by EKS, or kept by an earlier stack): `
      + 'the deploy would create it for logRetentionDays and fail inside CloudFormation (CloudWatch Logs DescribeLogGroups).',
      importWayOut(stackName, logGroupName, region, stackPlan.status === 'create')),
  };
}

/**
 * The way out: import the log group into the cluster stack with a CloudFormation IMPORT
 * change set (the next deploy then sets its retention and key in place), or delete it.
 */
export function importWayOut(stackName: string, logGroupName: string, region: string, newStack: boolean): string {
  const resource = {
    Type: 'AWS::Logs::LogGroup',
    // Import takes only resources whose deletion policy is Retain (the stack's is, too).
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: { LogGroupName: logGroupName },
  };
  const toImport = JSON.stringify([{ ResourceType: 'AWS::Logs::LogGroup', LogicalResourceId: CONTROL_PLANE_LOG_GROUP_ID, ResourceIdentifier: { LogGroupName: logGroupName } }]);
  const cfn = `aws cloudformation --region ${region}`;
  // A new stack may be created by importing alone; an existing one takes its deployed template plus the log group.
  const template = newStack
    ? `echo '${JSON.stringify({ Resources: { [CONTROL_PLANE_LOG_GROUP_ID]: resource } })}' > import.json`
    : `${cfn} get-template --stack-name ${stackName} --query TemplateBody --output json `
      + `| jq '.Resources.${CONTROL_PLANE_LOG_GROUP_ID} = ${JSON.stringify(resource)}' > import.json`;
  return `Import the log group into ${stackName}, then deploy again (it keeps its logs; the deploy sets the retention): `
    + `\`${template} && ${cfn} create-change-set --stack-name ${stackName} --change-set-name import-log-group --change-set-type IMPORT `
    + `--resources-to-import '${toImport}' --template-body file://import.json --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM `
    + `&& ${cfn} wait change-set-create-complete --stack-name ${stackName} --change-set-name import-log-group `
    + `&& ${cfn} execute-change-set --stack-name ${stackName} --change-set-name import-log-group `
    + `&& ${cfn} wait stack-import-complete --stack-name ${stackName}\`. `
    + `Or, if its logs may go, delete it: \`aws logs delete-log-group --region ${region} --log-group-name ${logGroupName}\`.`;
}
