import { parse } from 'yaml';
import { CfnTemplate } from './plan';
import { CloudFormationClient, GetTemplateCommand, ListImportsCommand } from '../aws/sdk';

/** What CloudFormation holds for one stack now. */
export interface DeployedStack {
  /** The template deployed, or undefined when the stack does not exist. */
  readonly template?: CfnTemplate;
  /** The stacks importing each export of the deployed template (none: empty list). */
  readonly importers: { [exportName: string]: string[] };
}

/** Reads a stack's deployed template (`GetTemplate`) and who imports its exports (`ListImports`). */
export async function readDeployedStack(cfn: CloudFormationClient, stackName: string): Promise<DeployedStack> {
  let body: string | undefined;
  try {
    body = (await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody;
  } catch (error) {
    if (isMissing(error)) return { importers: {} };
    throw error;
  }
  const template = parseTemplate(body ?? '{}');
  const exportNames = Object.values(template.Outputs ?? {}).map((o) => o.Export?.Name).filter((n): n is string => typeof n === 'string');
  // One ListImports per export, side by side: a network stack has one per subnet.
  const importers = await Promise.all(exportNames.map((name) => listImports(cfn, name)));
  return { template, importers: Object.fromEntries(exportNames.map((name, i) => [name, importers[i]])) };
}

/** The stacks that import an export; `ListImports` answers an error when there are none. */
async function listImports(cfn: CloudFormationClient, exportName: string): Promise<string[]> {
  const stacks: string[] = [];
  let NextToken: string | undefined;
  try {
    do {
      const page = await cfn.send(new ListImportsCommand({ ExportName: exportName, NextToken }));
      stacks.push(...page.Imports ?? []);
      NextToken = page.NextToken;
    } while (NextToken);
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /is not imported by any stack/.test((error as Error).message)) return [];
    throw error;
  }
  return stacks;
}

function isMissing(error: unknown): boolean {
  return (error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message);
}

/**
 * A template body as CloudFormation returns it: JSON (what the CDK CLI sends) or YAML (the
 * plain templates), with the short forms of intrinsic functions (`!Ref`, `!GetAtt`, ...) read
 * as their long forms.
 */
export function parseTemplate(body: string): CfnTemplate {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) return JSON.parse(body);
  return parse(body, { customTags: SHORT_FORMS, schema: 'core' });
}

const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or'];

const SHORT_FORMS = [
  ...FUNCTIONS.flatMap((name) => ['scalar', 'seq', 'map'].map((collection) => ({
    tag: `!${name}`,
    collection: collection === 'scalar' ? undefined : collection as 'seq' | 'map',
    resolve: (value: unknown) => ({ [`Fn::${name}`]: toJs(value) }),
  }))),
  { tag: '!Ref', resolve: (value: unknown) => ({ Ref: toJs(value) }) },
  { tag: '!Condition', resolve: (value: unknown) => ({ Condition: toJs(value) }) },
  { tag: '!GetAtt', resolve: (value: unknown) => ({ 'Fn::GetAtt': String(toJs(value)).split('.') }) },
  { tag: '!GetAtt', collection: 'seq' as const, resolve: (value: unknown) => ({ 'Fn::GetAtt': toJs(value) }) },
];

function toJs(value: unknown): unknown {
  return value && typeof (value as { toJSON?: () => unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
}
