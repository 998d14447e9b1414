import { isAccessDenied } from './aws-errors';
import { CheckFinding, DeployContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient } from '../aws/sdk';

/**
 * What the key policy of a customer managed key for EBS volumes must allow the EC2 Auto Scaling
 * service-linked role, per the EC2 Auto Scaling User Guide, "Required AWS KMS key policy for use
 * with encrypted volumes"
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html):
 * "at least two policy statements": the first lets the role use the key directly (Encrypt,
 * Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey), the second lets it create grants
 * (CreateGrant) for AWS services, under the condition `kms:GrantIsForAWSResource`. The role's
 * own permissions "do not include access to your customer managed keys", so a key policy that
 * only enables IAM policies (the account's `:root`, the default key policy) is not enough.
 * EKS managed node groups launch their nodes through an Auto Scaling group, which uses this role.
 */
export const KEY_POLICY_DOC = 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html';

/** The first statement's actions, each with the operations its wildcard stands for. */
const USE_ACTIONS: Record<string, string[]> = {
  'kms:Encrypt': ['kms:Encrypt'],
  'kms:Decrypt': ['kms:Decrypt'],
  'kms:ReEncrypt*': ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
  'kms:GenerateDataKey*': ['kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext'],
  'kms:DescribeKey': ['kms:DescribeKey'],
};

/** The ARN of the EC2 Auto Scaling service-linked role of an account. */
export function autoScalingRoleArn(partition: string, account: string): string {
  return `arn:${partition}:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}

/** The two statements the User Guide's example 1 adds to the key policy, for the role of `account`. */
export function autoScalingKeyStatements(partition: string, account: string): [object, object] {
  const principal = { AWS: autoScalingRoleArn(partition, account) };
  return [{
    Sid: 'Allow service-linked role use of the customer managed key',
    Effect: 'Allow',
    Principal: principal,
    Action: Object.keys(USE_ACTIONS),
    Resource: '*',
  }, {
    Sid: 'Allow attachment of persistent resources',
    Effect: 'Allow',
    Principal: principal,
    Action: ['kms:CreateGrant'],
    Resource: '*',
    Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
  }];
}

/** What a key policy lacks for the EC2 Auto Scaling service-linked role. */
export interface KeyPolicyGaps {
  /** The actions of the first statement (as the User Guide writes them) the role is not allowed. */
  readonly useActions: string[];
  /** Whether the role may not call CreateGrant for AWS resources (the second statement). */
  readonly createGrant: boolean;
  /** Statements (`"Sid"` or `#n`) that allow the account's root (IAM policies) what the role lacks: why they do not help, in the message. */
  readonly rootOnly: string[];
  /** Statements (`"Sid"` or `#n`) whose conditions the preflight cannot evaluate (given the benefit of the doubt): for a warning. */
  readonly undecided: string[];
}

/** One statement of a key policy, as JSON has it. */
interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** A request of the service-linked role to KMS, as the key policy sees it. */
interface RoleRequest {
  readonly roleArn: string;
  readonly account: string;
  readonly region: string;
  readonly action: string;
}

/**
 * Reads a key policy (the JSON text GetKeyPolicy answers) for what it lacks for the EC2 Auto
 * Scaling service-linked role of `account`: each action is allowed when an Allow statement names
 * the role (its ARN, or `*` with conditions the role's request meets) and covers the action
 * (wildcards such as `kms:*` and `kms:ReEncrypt*`, or NotAction), and no Deny statement applies.
 * A statement of the account's root (or account id) delegates to IAM policies, which the role's
 * own policy does not fill. Conditions on keys the preflight cannot know count as met.
 */
export function keyPolicyGaps(policyText: string, options: { partition: string; account: string; region: string }): KeyPolicyGaps {
  const roleArn = autoScalingRoleArn(options.partition, options.account);
  const statements = policyStatements(policyText);
  const rootOnly = new Set<string>();
  const undecided = new Set<string>();
  const allowed = (action: string): boolean => {
    const request: RoleRequest = { roleArn, account: options.account, region: options.region, action };
    let allow = false;
    const maybe: { allow: string[]; deny: string[] } = { allow: [], deny: [] };
    for (const [i, statement] of statements.entries()) {
      if (!coversAction(statement, action)) continue;
      const name = statementName(statement, i);
      const principal = matchesPrincipal(statement, roleArn, options);
      if (principal === 'root' && statement.Effect === 'Allow') rootOnly.add(name);
      if (principal !== 'role') continue;
      const met = conditionsMet(statement.Condition, request);
      if (met === false) continue;
      if (statement.Effect === 'Deny') {
        if (met === true) return false;
        maybe.deny.push(name);
      } else if (statement.Effect === 'Allow') {
        if (met === true) allow = true;
        else maybe.allow.push(name);
      }
    }
    // Undecided statements are given the benefit of the doubt, and named when the answer rests on them.
    const relied = [...(allow ? [] : maybe.allow), ...maybe.deny];
    if (allow || maybe.allow.length > 0) relied.forEach((name) => undecided.add(name));
    return allow || maybe.allow.length > 0;
  };
  const useActions = Object.entries(USE_ACTIONS).filter(([, operations]) => !operations.every(allowed)).map(([name]) => name);
  const createGrant = !allowed('kms:CreateGrant');
  return { useActions, createGrant, rootOnly: useActions.length > 0 || createGrant ? [...rootOnly] : [], undecided: [...undecided] };
}

function policyStatements(policyText: string): Statement[] {
  const policy = JSON.parse(policyText) as { Statement?: Statement | Statement[] };
  const statements = policy.Statement === undefined ? [] : Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.filter((s) => typeof s === 'object' && s !== null);
}

function statementName(statement: Statement, index: number): string {
  return statement.Sid ? `"${statement.Sid}"` : `#${index + 1}`;
}

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** IAM's wildcard match (`*`, `?`), case-insensitive as for actions. */
function wildcard(pattern: string, value: string): boolean {
  const regex = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${regex}$`, 'i').test(value);
}

function coversAction(statement: Statement, action: string): boolean {
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((p) => typeof p === 'string' && wildcard(p, action));
  return list(statement.Action).some((p) => typeof p === 'string' && wildcard(p, action));
}

/**
 * Whether a statement's principal is the role (its ARN, or anyone), the account's root (IAM
 * policies decide, and the role's own policy grants nothing on customer managed keys), or neither.
 */
function matchesPrincipal(statement: Statement, roleArn: string, options: { partition: string; account: string }): 'role' | 'root' | undefined {
  const root = [`arn:${options.partition}:iam::${options.account}:root`, options.account];
  if (statement.NotPrincipal !== undefined) {
    // Deny to everyone but the listed: applies to the role unless it is listed. Allow with NotPrincipal: not counted.
    const listed = list((statement.NotPrincipal as { AWS?: unknown }).AWS).some((p) => p === roleArn || root.includes(p as string));
    return statement.Effect === 'Deny' && !listed ? 'role' : undefined;
  }
  const principal = statement.Principal;
  if (principal === '*') return 'role';
  const aws = list((principal as { AWS?: unknown } | undefined)?.AWS);
  if (aws.some((p) => p === '*' || (typeof p === 'string' && p.toLowerCase() === roleArn.toLowerCase()))) return 'role';
  return aws.some((p) => root.includes(p as string)) ? 'root' : undefined;
}

/** What the role's request carries of the condition keys, by lower-case key; keys not here are unknown. */
function requestContext(request: RoleRequest): Record<string, string[] | undefined> {
  return {
    'aws:principalarn': [request.roleArn],
    'aws:principalaccount': [request.account],
    'kms:calleraccount': [request.account],
    // EBS calls KMS for the instance's volumes through EC2 (as the AWS managed key aws/ebs expects).
    'kms:viaservice': [`ec2.${request.region}.amazonaws.com`],
    // Only on CreateGrant; absent on the other operations.
    'kms:grantisforawsresource': request.action.toLowerCase() === 'kms:creategrant' ? ['true'] : undefined,
  };
}

const KNOWN_KEYS = new Set(['aws:principalarn', 'aws:principalaccount', 'kms:calleraccount', 'kms:viaservice', 'kms:grantisforawsresource']);

/** True when every condition holds for the role's request, false when one fails, undefined when one cannot be evaluated. */
function conditionsMet(conditions: Statement['Condition'], request: RoleRequest): boolean | undefined {
  const context = requestContext(request);
  let result: boolean | undefined = true;
  for (const [operator, entries] of Object.entries(conditions ?? {})) {
    for (const [key, expected] of Object.entries(entries ?? {})) {
      const met = conditionMet(operator, KNOWN_KEYS.has(key.toLowerCase()) ? context[key.toLowerCase()] : null, list(expected).map(String));
      if (met === false) return false;
      if (met === undefined) result = undefined;
    }
  }
  return result;
}

/** One condition operator on one key: `actual` null when the key is unknown, undefined when the request lacks it. */
function conditionMet(operator: string, actual: string[] | undefined | null, expected: string[]): boolean | undefined {
  if (actual === null || operator.includes(':')) return undefined; // an unknown key, or ForAnyValue:/ForAllValues:
  const ifExists = operator.endsWith('IfExists');
  const base = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  if (base === 'Null') return expected.some((e) => (e === 'true') === (actual === undefined));
  const negated = /^(String|Arn)Not/.test(base);
  if (actual === undefined) return ifExists || negated;
  const positive = base.replace(/^(String|Arn)Not/, '$1');
  const test: Record<string, (pattern: string, value: string) => boolean> = {
    StringEquals: (p, v) => p === v,
    StringEqualsIgnoreCase: (p, v) => p.toLowerCase() === v.toLowerCase(),
    StringLike: (p, v) => wildcard(p, v),
    ArnEquals: (p, v) => p === v,
    ArnLike: (p, v) => wildcard(p, v),
    Bool: (p, v) => p.toLowerCase() === v.toLowerCase(),
  };
  const compare = test[positive];
  if (!compare) return undefined;
  const matches = actual.some((v) => expected.some((p) => compare(p, v)));
  return negated ? !matches : matches;
}

/** The node groups' keys: each key once, with the options that name it. */
function volumeKeys(context: DeployContext): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const group of context.settings.nodegroups) {
    if (group.volumeKmsKeyArn === undefined) continue;
    keys.set(group.volumeKmsKeyArn, [...keys.get(group.volumeKmsKeyArn) ?? [], `${group.optionPath}volumeKmsKeyArn`]);
  }
  return keys;
}

/**
 * With `volumeKmsKeyArn` (of any node group): the key policy lets the EC2 Auto Scaling
 * service-linked role use the key. Without it CloudFormation deploys the node group and its
 * launch template, but every instance launch fails, so EKS never gets a node. A key of another
 * account, or a policy the caller may not read, is a warning.
 */
export async function checkVolumeKeyPolicy(context: DeployContext): Promise<CheckFinding> {
  const keys = volumeKeys(context);
  if (keys.size === 0) return {};
  const findings = await Promise.all([...keys].map(([keyArn, options]) => checkKey(context, context.clients.kms, keyArn, options)));
  return {
    warnings: findings.flatMap((f) => f.warnings ?? []),
    failure: findings.find((f) => f.failure)?.failure,
  };
}

async function checkKey(context: DeployContext, kms: KMSClient, keyArn: string, options: string[]): Promise<CheckFinding> {
  const { account } = context.target;
  const { partition, region } = context.settings;
  const key: VolumeKey = { arn: keyArn, options, region, account };
  const keyAccount = keyArn.split(':')[4];
  if (keyAccount !== account) {
    return {
      warnings: [`${named(key)}: key policy not checked, the key is in account ${keyAccount}, not ${account} (kms:GetKeyPolicy works in the key's own account only): `
        + `it must allow the EC2 Auto Scaling service-linked role of ${account}, and ${account} must create a grant for that role (${KEY_POLICY_DOC})`],
    };
  }
  let keyId = keyArn;
  if (keyArn.includes(':alias/')) {
    // GetKeyPolicy takes a key id or key ARN, not an alias: resolve it first.
    const described = await call(key, 'DescribeKey', 'kms:DescribeKey and kms:GetKeyPolicy', () => kms.send(new DescribeKeyCommand({ KeyId: keyArn })));
    if ('finding' in described) return described.finding;
    const metadata = described.value.KeyMetadata;
    // An AWS managed key (alias/aws/ebs) needs nothing: the role may use those.
    if (metadata?.KeyManager === 'AWS') return {};
    keyId = metadata?.Arn ?? keyArn;
  }
  const read = await call(key, 'GetKeyPolicy', 'kms:GetKeyPolicy', () => kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' })));
  if ('finding' in read) return read.finding;
  const gaps = keyPolicyGaps(read.value.Policy ?? '{}', { partition, account, region });
  const warnings = gaps.undecided.length > 0
    ? [`${named(key)}: the key policy's statement ${gaps.undecided.join(', ')} ${gaps.undecided.length === 1 ? 'has conditions' : 'have conditions'} the preflight cannot evaluate `
      + 'for the EC2 Auto Scaling service-linked role: given the benefit of the doubt']
    : [];
  if (gaps.useActions.length === 0 && !gaps.createGrant) return { warnings };
  return { warnings, failure: policyError(key, keyId, gaps, partition) };
}

/** A key of the settings, and where the deploy goes. */
interface VolumeKey {
  readonly arn: string;
  /** The options that name it, e.g. `volumeKmsKeyArn`, `extraNodegroups[0].volumeKmsKeyArn`. */
  readonly options: string[];
  readonly region: string;
  readonly account: string;
}

/** How messages name a key: its options and ARN. */
function named(key: VolumeKey): string {
  return `${key.options.join(', ')} ${key.arn}`;
}

function policyError(key: VolumeKey, keyId: string, gaps: KeyPolicyGaps, partition: string): PreflightError {
  const { account, region } = key;
  const roleArn = autoScalingRoleArn(partition, account);
  const [use, grant] = autoScalingKeyStatements(partition, account);
  const missing = [
    ...(gaps.useActions.length > 0 ? [`statement 1 (${gaps.useActions.join(', ')})`] : []),
    ...(gaps.createGrant ? ['statement 2 (kms:CreateGrant with kms:GrantIsForAWSResource)'] : []),
  ];
  const root = gaps.rootOnly.length > 0
    ? `; the policy's statement ${gaps.rootOnly.join(', ')} for the account's root (arn:${partition}:iam::${account}:root) only lets IAM policies grant access, `
      + 'and the role\'s own policy gives it none on customer managed keys'
    : '';
  const statements = JSON.stringify([...(gaps.useActions.length > 0 ? [use] : []), ...(gaps.createGrant ? [grant] : [])]);
  const kmsCli = `aws kms --region ${region}`;
  return new PreflightError(PreflightErrorCode.VOLUME_KEY_POLICY,
    `The key policy of ${named(key)}${keyId === key.arn ? '' : ` (${keyId})`} does not allow the EC2 Auto Scaling service-linked role ${roleArn} `
    + `what the User Guide's ${missing.join(' and ')} grant${root}: the node group would deploy, but no node would ever launch (KMS GetKeyPolicy).`,
    `Add ${missing.length === 1 ? 'this statement' : 'these statements'} to the key policy, keeping the others (${KEY_POLICY_DOC}): ${statements} `
    + `- \`${kmsCli} get-key-policy --key-id ${keyId} --policy-name default --query Policy --output text > policy.json\`, `
    + `add them to its Statement list, then \`${kmsCli} put-key-policy --key-id ${keyId} --policy-name default --policy file://policy.json\` `
    + '(if the role does not exist yet, create it first: `aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com`); then deploy again.');
}

/**
 * A KMS call: its answer, or the finding of its error (a missing key refuses, a denied call
 * warns, saying which IAM actions would let the check run); other errors are thrown.
 */
async function call<T>(key: VolumeKey, operation: string, allow: string, send: () => Promise<T>): Promise<{ value: T } | { finding: CheckFinding }> {
  try {
    return { value: await send() };
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'NotFoundException') {
      return {
        finding: {
          failure: new PreflightError(PreflightErrorCode.VOLUME_KEY_NOT_FOUND,
            `${named(key)} does not exist in account ${key.account}, ${key.region} (KMS ${operation}: ${message}): `
            + 'the node group\'s launch template could not encrypt its volumes with it.',
            `Set ${key.options.join(' and ')} to a key of ${key.region} (\`aws kms list-aliases --region ${key.region}\`), `
            + 'or remove it to use the account\'s default EBS key.'),
        },
      };
    }
    if (isAccessDenied(error)) {
      return { finding: { warnings: [`${named(key)}: key policy not checked (${name}): allow ${allow} on the key to have the preflight check that the EC2 Auto Scaling service-linked role may use it`] } };
    }
    throw error;
  }
}
