import * as fs from 'fs';
import * as path from 'path';
import { ResolvedSettings, ResourceNames, StackKind, templateFileName } from 'bottlerocket-eks-config';
import { readAssembly } from '../synth/assembly';
import { forEachEntry } from '../synth/template-walk';
import { toYaml } from '../synth/yaml-template';

/**
 * The synthesized stacks of a team repository, as the contract checks read them: the
 * folder of a cloud assembly (`cdk.out`), or the templates by stack kind (the stack names
 * are then not checked: a template does not carry its stack's name).
 */
export type TeamStacksSource = string | Partial<Record<StackKind, any>>;

/** One stack to check: its kind, its CloudFormation template and, from an assembly, its name. */
interface CheckedStack {
  readonly kind: StackKind;
  readonly stackName?: string;
  readonly template: any;
}

/** Resource types a team stack must never have: code that runs at deploy time, outside CloudFormation's own resources. */
const FORBIDDEN_TYPE = /^(AWS::Lambda::|Custom::|AWS::CloudFormation::CustomResource$)/;

/**
 * The findings of the export and security contract of a team's three stacks, one readable
 * sentence each; none when the stacks keep it. Checked against the resolved settings
 * (`readSettingsFile()`):
 * - there is one stack of each kind, named `<pjPrefix>-<kind>` (from an assembly);
 * - each stack exports exactly the names `ExportNames` derives for it;
 * - every `Fn::ImportValue` names an export of a stack deployed earlier (network, cluster, nodegroup);
 * - every node group has a Bottlerocket AMI type, the configured capacity type, the
 *   `role: worker` label and the `bottlerocket-eks/nodegroup-name` label of a configured group,
 *   and every configured group has its node group;
 * - no `AWS::Lambda::*`, `Custom::*` or `AWS::CloudFormation::CustomResource` resource;
 * - every launch template requires IMDSv2 (`HttpTokens: required`) and encrypts every EBS volume it maps.
 *
 * @param source the cloud assembly folder (`cdk.out`) or the templates by stack kind
 * @param settings the team's resolved settings
 */
export function teamContract(source: TeamStacksSource, settings: ResolvedSettings): string[] {
  const stacks = readStacks(source);
  const names = new ResourceNames(settings.pjPrefix);
  const findings: string[] = [];
  const byKind = new Map<StackKind, CheckedStack>();

  for (const stack of stacks) {
    const label = stackLabel(stack);
    if (byKind.has(stack.kind)) findings.push(`${label}: a second ${stack.kind} stack (one of each kind expected).`);
    else byKind.set(stack.kind, stack);
    const expectedName = names.stack(stack.kind);
    if (stack.stackName !== undefined && stack.stackName !== expectedName) {
      findings.push(`${label}: stack name is ${stack.stackName}, expected ${expectedName} (from pjPrefix "${settings.pjPrefix}").`);
    }
  }
  for (const kind of ResourceNames.DEPLOY_ORDER) {
    if (!byKind.has(kind)) findings.push(`No ${kind} stack (expected ${names.stack(kind)}).`);
  }

  const expected = expectedExports(settings);
  const exportedBy = new Map<string, StackKind>();
  for (const stack of stacks) {
    for (const name of exportNames(stack.template)) {
      if (typeof name !== 'string') {
        findings.push(`${stackLabel(stack)}: an export name is not a literal string: ${JSON.stringify(name)}.`);
        continue;
      }
      exportedBy.set(name, stack.kind);
      if (!expected[stack.kind].includes(name)) {
        const owner = ResourceNames.DEPLOY_ORDER.find((kind) => expected[kind].includes(name));
        findings.push(`${stackLabel(stack)}: exports ${name}, which is not one of its export names`
          + `${owner ? ` (the ${owner} stack exports it)` : ` (pjPrefix "${settings.pjPrefix}" implies ${expected[stack.kind].join(', ')})`}.`);
      }
    }
  }
  for (const kind of ResourceNames.DEPLOY_ORDER) {
    const stack = byKind.get(kind);
    if (!stack) continue;
    for (const name of expected[kind]) {
      if (!exportedBy.has(name)) findings.push(`${stackLabel(stack)}: does not export ${name}.`);
    }
  }

  for (const stack of stacks) {
    const order = ResourceNames.DEPLOY_ORDER.indexOf(stack.kind);
    for (const imported of importValues(stack.template)) {
      if (typeof imported !== 'string') {
        findings.push(`${stackLabel(stack)}: imports a name that is not a literal string: ${JSON.stringify(imported)}.`);
        continue;
      }
      const from = exportedBy.get(imported);
      if (from === undefined) {
        findings.push(`${stackLabel(stack)}: imports ${imported}, which no stack exports.`);
      } else if (ResourceNames.DEPLOY_ORDER.indexOf(from) >= order) {
        findings.push(`${stackLabel(stack)}: imports ${imported} from the ${from} stack, which does not deploy before it `
          + `(deploy order: ${ResourceNames.DEPLOY_ORDER.join(' -> ')}).`);
      }
    }
  }

  for (const stack of stacks) {
    for (const [id, resource] of resources(stack.template)) {
      const type = String(resource?.Type);
      if (FORBIDDEN_TYPE.test(type)) findings.push(`${stackLabel(stack)}: resource ${id} is a ${type}: no Lambda function or custom resource is allowed.`);
      if (type === 'AWS::EC2::LaunchTemplate') findings.push(...launchTemplateFindings(`${stackLabel(stack)}: launch template ${id}`, resource));
    }
  }

  findings.push(...nodegroupFindings(stacks, settings, names));
  return findings;
}

/**
 * Throws an error listing every finding of `teamContract`, one per line; returns when the
 * stacks keep the contract.
 *
 * @param source the cloud assembly folder (`cdk.out`) or the templates by stack kind
 * @param settings the team's resolved settings
 */
export function assertTeamContract(source: TeamStacksSource, settings: ResolvedSettings): void {
  throwFindings('The stacks break the bottlerocket-eks contract', teamContract(source, settings),
    'Fix the stack apps or .projenrc.ts, then run `npx projen build`.');
}

/**
 * The YAML `bottlerocket-eks templates-from <assemblyDir> <templatesDir>` writes for each
 * stack of a cloud assembly, by file name (`<kind>.yaml`).
 */
export function templatesFromAssembly(assemblyDir: string): Record<string, string> {
  const stacks = readAssembly(assemblyDir);
  if (!stacks) throw new Error(`${path.join(assemblyDir, 'manifest.json')} not found: run \`npx projen synth\` first.`);
  const result: Record<string, string> = {};
  for (const stack of stacks) result[templateFileName(stack.kind)] = toYaml(stack.template);
  return result;
}

/**
 * The findings of comparing `templatesDir` with what `templates-from` would write from the
 * cloud assembly now: a missing file, or one that differs (with its first differing line).
 */
export function staleTemplates(assemblyDir: string, templatesDir: string): string[] {
  const findings: string[] = [];
  const fresh = templatesFromAssembly(assemblyDir);
  if (Object.keys(fresh).length === 0) findings.push(`No bottlerocket-eks stack in ${assemblyDir}.`);
  for (const [name, yaml] of Object.entries(fresh)) {
    const file = path.join(templatesDir, name);
    if (!fs.existsSync(file)) {
      findings.push(`${file} is missing.`);
      continue;
    }
    const written = fs.readFileSync(file, 'utf-8');
    if (written === yaml) continue;
    const want = yaml.split('\n');
    const have = written.split('\n');
    let line = 0;
    while (line < want.length && want[line] === have[line]) line++;
    findings.push(`${file} differs from ${assemblyDir} at line ${line + 1}: `
      + `expected ${JSON.stringify(want[line] ?? '<end of file>')}, found ${JSON.stringify(have[line] ?? '<end of file>')}.`);
  }
  return findings;
}

/** Throws an error listing every finding of `staleTemplates`; returns when `templatesDir` is up to date. */
export function assertTemplatesUpToDate(assemblyDir: string, templatesDir: string): void {
  throwFindings(`${templatesDir} is not what ${assemblyDir} gives`, staleTemplates(assemblyDir, templatesDir),
    'Run `npx projen synth` and commit templates/.');
}

function throwFindings(title: string, findings: string[], hint: string): void {
  if (findings.length === 0) return;
  throw new Error(`${title} (${findings.length} finding${findings.length === 1 ? '' : 's'}):\n`
    + `${findings.map((f) => `  - ${f}`).join('\n')}\n${hint}`);
}

function readStacks(source: TeamStacksSource): CheckedStack[] {
  if (typeof source === 'string') {
    const stacks = readAssembly(source);
    if (!stacks) throw new Error(`${path.join(source, 'manifest.json')} not found: run \`npx projen synth\` first.`);
    return stacks;
  }
  return ResourceNames.DEPLOY_ORDER.filter((kind) => source[kind] !== undefined).map((kind) => ({ kind, template: source[kind] }));
}

function stackLabel(stack: CheckedStack): string {
  return stack.stackName ? `${stack.kind} stack ${stack.stackName}` : `${stack.kind} stack`;
}

/** The export names each stack kind must have, exactly. */
function expectedExports(settings: ResolvedSettings): Record<StackKind, string[]> {
  const { exports } = new ResourceNames(settings.pjPrefix);
  const letters = settings.availabilityZones.map((zone) => ResourceNames.zoneLetter(settings.region, zone));
  // A team's own VPC exports public subnets only when it names them.
  const publicSubnets = !settings.existingVpc || settings.existingVpc.publicSubnetIds !== undefined;
  return {
    [StackKind.NETWORK]: [exports.vpcId, ...letters.flatMap((l) => [exports.privateSubnet(l), ...(publicSubnets ? [exports.publicSubnet(l)] : [])])],
    [StackKind.CLUSTER]: [
      exports.clusterName, exports.clusterArn, exports.clusterEndpoint, exports.clusterCertificateAuthority, exports.clusterSecurityGroupId,
    ],
    [StackKind.NODEGROUP]: [exports.nodegroupName, exports.nodeRoleArn],
  };
}

function resources(template: any): [string, any][] {
  return Object.entries(template?.Resources ?? {});
}

function exportNames(template: any): unknown[] {
  return Object.values<any>(template?.Outputs ?? {}).filter((o) => o?.Export !== undefined).map((o) => o.Export.Name);
}

function importValues(template: any): unknown[] {
  const found: unknown[] = [];
  const collect = (key: string, value: unknown) => {
    if (key !== 'Fn::ImportValue') return true;
    found.push(value);
    return false;
  };
  for (const section of [template?.Resources, template?.Outputs, template?.Conditions]) forEachEntry(section, collect);
  return found;
}

function launchTemplateFindings(label: string, resource: any): string[] {
  const findings: string[] = [];
  const data = resource?.Properties?.LaunchTemplateData ?? {};
  const tokens = data.MetadataOptions?.HttpTokens;
  if (tokens !== 'required') {
    findings.push(`${label} does not require IMDSv2 (MetadataOptions.HttpTokens is ${JSON.stringify(tokens)}, expected "required").`);
  }
  const mappings: any[] = Array.isArray(data.BlockDeviceMappings) ? data.BlockDeviceMappings : [];
  const volumes = mappings.filter((m) => m?.Ebs !== undefined);
  if (volumes.length === 0) findings.push(`${label} maps no EBS volume, so nothing says its volumes are encrypted.`);
  for (const volume of volumes) {
    if (volume.Ebs.Encrypted !== true && volume.Ebs.Encrypted !== 'true') {
      findings.push(`${label} does not encrypt the volume ${volume.DeviceName ?? '(no device name)'} (Ebs.Encrypted is ${JSON.stringify(volume.Ebs.Encrypted)}).`);
    }
  }
  return findings;
}

function nodegroupFindings(stacks: CheckedStack[], settings: ResolvedSettings, names: ResourceNames): string[] {
  const findings: string[] = [];
  const configured = new Map(settings.nodegroups.map((group) => [names.nodegroup(group.name), group]));
  const seen = new Set<string>();
  for (const stack of stacks) {
    for (const [id, resource] of resources(stack.template)) {
      if (resource?.Type !== 'AWS::EKS::Nodegroup') continue;
      const label = `${stackLabel(stack)}: node group ${id}`;
      const props = resource.Properties ?? {};
      if (typeof props.AmiType !== 'string' || !props.AmiType.startsWith('BOTTLEROCKET_')) {
        findings.push(`${label} has AMI type ${JSON.stringify(props.AmiType)}, not a Bottlerocket one (BOTTLEROCKET_*).`);
      }
      const labels = props.Labels ?? {};
      if (labels.role !== 'worker') findings.push(`${label} does not have the label role: worker (found ${JSON.stringify(labels.role)}).`);
      const groupName = labels['bottlerocket-eks/nodegroup-name'];
      const group = typeof groupName === 'string' ? configured.get(groupName) : undefined;
      if (groupName === undefined) {
        findings.push(`${label} does not have the label bottlerocket-eks/nodegroup-name.`);
      } else if (!group) {
        findings.push(`${label} has the label bottlerocket-eks/nodegroup-name: ${JSON.stringify(groupName)}, which is no configured node group `
          + `(configured: ${[...configured.keys()].join(', ')}); run \`npx projen synth\` after changing the settings.`);
      } else {
        seen.add(groupName);
        if (props.CapacityType !== group.capacityType) {
          findings.push(`${label} (${groupName}) has capacity type ${JSON.stringify(props.CapacityType)}, but the settings say ${group.capacityType}.`);
        }
      }
    }
  }
  if (stacks.some((s) => s.kind === StackKind.NODEGROUP)) {
    for (const name of configured.keys()) {
      if (!seen.has(name)) findings.push(`No node group has the label bottlerocket-eks/nodegroup-name: ${name}, a configured node group.`);
    }
  }
  return findings;
}
