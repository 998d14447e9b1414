import { App, AppProps, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BottlerocketEksSettings, ClusterStack, NetworkStack, NodegroupStack } from '../src';

/** The three stacks of one prefix, synthesized in one app as a team's apps would. */
export function synthAll(settings: BottlerocketEksSettings, appProps: AppProps = {}) {
  // aws-cdk-lib's CloudFormation validation costs over a second a synth; one test runs it
  // on purpose (see contract.test.ts), the others skip it.
  const app = new App({ builtinCloudFormationValidation: false, ...appProps });
  const network = new NetworkStack(app, 'Network', settings);
  const cluster = new ClusterStack(app, 'Cluster', settings);
  const nodegroup = new NodegroupStack(app, 'Nodegroup', settings);
  return {
    app,
    stacks: { network, cluster, nodegroup } as Record<string, Stack>,
    templates: {
      network: Template.fromStack(network),
      cluster: Template.fromStack(cluster),
      nodegroup: Template.fromStack(nodegroup),
    } as Record<string, Template>,
  };
}

/** Every string value of `Fn::ImportValue` in a template (literal names only). */
export function importedNames(template: any): string[] {
  const found: string[] = [];
  walk(template, (node) => {
    if (node && typeof node === 'object' && 'Fn::ImportValue' in node) found.push(node['Fn::ImportValue']);
  });
  return found;
}

/** Every export name declared in a template's outputs. */
export function exportedNames(template: any): string[] {
  return Object.values(template.Outputs ?? {}).map((o: any) => o.Export?.Name).filter((n) => n !== undefined);
}

export function walk(node: any, visit: (node: any) => void): void {
  visit(node);
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => walk(n, visit));
}
