import { CfnOutput, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib/core';
import { ResolvedExistingVpc } from 'bottlerocket-eks-config';
import { StackInputs } from './stack-inputs';

/**
 * The network stack of a team that brings its own VPC (`vpcId`): it creates nothing and
 * exports the given ids under the export names and output ids of a created VPC, so the
 * cluster and node group stacks import them unchanged. Public subnets are exported only
 * when given.
 */
export function exportExistingVpc(stack: Stack, vpc: ResolvedExistingVpc, inputs: StackInputs): void {
  const { names, zoneLetters, settings } = inputs;
  // A template needs at least one resource; this handle does nothing and costs nothing.
  new CfnWaitConditionHandle(stack, 'ExistingVpcPlaceholder');
  const zoneOf = (letter: string) => `${settings.region}${letter}`;
  new CfnOutput(stack, 'VpcId', { value: vpc.vpcId, exportName: names.exports.vpcId });
  for (const letter of zoneLetters) {
    const zone = letter.toUpperCase();
    new CfnOutput(stack, `PrivateSubnet${zone}Id`, { value: vpc.privateSubnetIds[zoneOf(letter)], exportName: names.exports.privateSubnet(letter) });
    const pub = vpc.publicSubnetIds?.[zoneOf(letter)];
    if (pub) new CfnOutput(stack, `PublicSubnet${zone}Id`, { value: pub, exportName: names.exports.publicSubnet(letter) });
  }
}
