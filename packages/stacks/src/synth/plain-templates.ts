import { App, AppProps, Stack } from 'aws-cdk-lib/core';
import { Settings, StackKind } from 'bottlerocket-eks-config';
import { ClusterStack } from '../stacks/cluster-stack';
import { NetworkStack } from '../stacks/network-stack';
import { NodegroupStack } from '../stacks/nodegroup-stack';

/** Stands in for the prefix while validating template-mode stacks; the templates carry a `PJPrefix` parameter instead. */
const PLACEHOLDER_PREFIX = 'pjprefix';

/**
 * The plain CloudFormation templates of `templates/`: the three stacks in template mode
 * (a `PJPrefix` parameter, the zones of subnet slots `a` and `c` as parameters,
 * node sizes as parameters), keyed by stack kind, in deploy order.
 */
export function plainTemplates(appProps: AppProps = {}): Record<StackKind, any> {
  // aws-cdk-lib's CloudFormation validation triples the cost of a synth; the tests run it
  // on these stacks once, on purpose.
  const app = new App({ builtinCloudFormationValidation: false, ...appProps });
  const props = { settings: Settings.resolve({ pjPrefix: PLACEHOLDER_PREFIX }), templateParameters: true };
  const stacks: Record<StackKind, Stack> = {
    [StackKind.NETWORK]: new NetworkStack(app, 'network', { ...props, description: 'bottlerocket-eks network: VPC, subnets and their exports' }),
    [StackKind.CLUSTER]: new ClusterStack(app, 'cluster', { ...props, description: 'bottlerocket-eks cluster: EKS control plane in the exported private subnets' }),
    [StackKind.NODEGROUP]: new NodegroupStack(app, 'nodegroup', { ...props, description: 'EKS Managed Bottlerocket Nodes' }),
  };
  const assembly = app.synth();
  const result = {} as Record<StackKind, any>;
  for (const [kind, stack] of Object.entries(stacks) as [StackKind, Stack][]) {
    result[kind] = assembly.getStackByName(stack.stackName).template;
  }
  return result;
}
