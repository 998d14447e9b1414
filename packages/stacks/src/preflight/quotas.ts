import { ResolvedSettings } from 'bottlerocket-eks-config';
import { PreflightError, PreflightErrorCode } from './errors';
import {
  DescribeAddressesCommand, EC2Client, EKSClient, GetServiceQuotaCommand, paginateDescribeVpcs, paginateListClusters, ServiceQuotasClient,
} from '../aws/sdk';

/** What a deploy creates that counts against a regional quota. Zero skips the check (and its calls). */
export interface QuotaNeed {
  /** VPCs the deploy creates: 1 when it creates the network stack. */
  readonly vpcs: number;
  /** Elastic IPs the deploy allocates: one per NAT gateway of a network stack it creates. */
  readonly elasticIps: number;
  /** EKS clusters the deploy creates: 1 when it creates the cluster stack. */
  readonly clusters: number;
}

/** One quota a deploy counts against. */
export interface QuotaDefinition {
  /** What the user reads, e.g. `VPCs per region`. */
  readonly name: string;
  /** The Service Quotas service code, e.g. `vpc`. */
  readonly serviceCode: string;
  /** The Service Quotas quota code, e.g. `L-F678F1CE`. */
  readonly quotaCode: string;
  /** The documented AWS default, used when the applied value cannot be read. */
  readonly defaultValue: number;
  /** Which need counts against it. */
  readonly need: keyof QuotaNeed;
}

/** The quotas the stacks count against, in the order they are reported. */
export const QUOTAS: readonly QuotaDefinition[] = [
  { name: 'VPCs per region', serviceCode: 'vpc', quotaCode: 'L-F678F1CE', defaultValue: 5, need: 'vpcs' },
  { name: 'EC2-VPC Elastic IPs', serviceCode: 'ec2', quotaCode: 'L-0263D0A3', defaultValue: 5, need: 'elasticIps' },
  { name: 'EKS clusters per region', serviceCode: 'eks', quotaCode: 'L-1194D53C', defaultValue: 100, need: 'clusters' },
];

/** One quota checked: the quota, what the account uses, what the deploy adds. */
export interface QuotaFinding {
  /** What the user reads, e.g. `VPCs per region`. */
  readonly name: string;
  /** The Service Quotas quota code, e.g. `L-F678F1CE`. */
  readonly quotaCode: string;
  /** The Service Quotas service code, e.g. `vpc`. */
  readonly serviceCode: string;
  /** The quota of the account in the region. */
  readonly quota: number;
  /** Where `quota` comes from: the account's applied value, or the AWS default when Service Quotas could not be read. */
  readonly source: 'service-quotas' | 'default';
  /** Why the default was used (the Service Quotas error), when `source` is `default`. */
  readonly reason?: string;
  /** How many the account already has in the region. */
  readonly used: number;
  /** How many the deploy would create. */
  readonly adding: number;
  /** Whether `used + adding` stays within `quota`. */
  readonly ok: boolean;
}

/** The clients `checkQuotas` asks, all for the team's region. */
export interface QuotaClients {
  readonly ec2: EC2Client;
  readonly eks: EKSClient;
  readonly serviceQuotas: ServiceQuotasClient;
}

/** Options of `checkQuotas`. */
export interface CheckQuotasOptions {
  /**
   * The account the deploy goes to. When given, VPCs other accounts share with it (through RAM)
   * are not counted: they count against their owner's quota.
   */
  readonly account?: string;
}

/**
 * What a deploy needs: one VPC and `natGateways` Elastic IPs when it creates the network stack
 * (none when the team brings its own VPC), one cluster when it creates the cluster stack
 * (updating a stack creates none of them).
 */
export function quotaNeed(
  settings: Pick<ResolvedSettings, 'natGateways' | 'existingVpc'>, creates: { network: boolean; cluster: boolean },
): QuotaNeed {
  const createsVpc = creates.network && !settings.existingVpc;
  return {
    vpcs: createsVpc ? 1 : 0,
    elasticIps: createsVpc ? settings.natGateways : 0,
    clusters: creates.cluster ? 1 : 0,
  };
}

/**
 * Counts what the account uses in the clients' region against each quota a deploy needs (a zero
 * need is not checked, and costs no call), in the order of `QUOTAS`. The quota is the applied
 * value of Service Quotas, or the documented default when it may not be read (AccessDenied,
 * NoSuchResource). Other errors (of Service Quotas, or of EC2 and EKS when counting) are thrown.
 */
export async function checkQuotas(clients: QuotaClients, need: QuotaNeed, options: CheckQuotasOptions = {}): Promise<QuotaFinding[]> {
  const usage: Record<keyof QuotaNeed, () => Promise<number>> = {
    vpcs: () => countVpcs(clients.ec2, options.account),
    elasticIps: () => countElasticIps(clients.ec2),
    clusters: () => countClusters(clients.eks),
  };
  const checked = QUOTAS.filter((quota) => need[quota.need] > 0);
  return Promise.all(checked.map(async (definition): Promise<QuotaFinding> => {
    const [read, used] = await Promise.all([readQuota(clients.serviceQuotas, definition), usage[definition.need]()]);
    const adding = need[definition.need];
    return {
      name: definition.name,
      quotaCode: definition.quotaCode,
      serviceCode: definition.serviceCode,
      ...read,
      used,
      adding,
      ok: used + adding <= read.quota,
    };
  }));
}

/**
 * The `PreflightError` (code `QUOTA_EXCEEDED`) naming each quota the deploy would exceed with
 * its numbers, and how to free some or ask for more; undefined when every finding is ok.
 */
export function quotaError(findings: QuotaFinding[], context: { region?: string; callerArn?: string } = {}): PreflightError | undefined {
  const exceeded = findings.filter((finding) => !finding.ok);
  if (exceeded.length === 0) return undefined;
  const where = context.region ? ` in ${context.region}` : '';
  const count = exceeded.length === 1 ? 'a quota' : `${exceeded.length} quotas`;
  const problems = exceeded.map((finding) => {
    const assumed = finding.source === 'default'
      ? ` (the AWS default: the account's quota could not be read${finding.reason ? `, ${finding.reason.split(':')[0]}` : ''})`
      : '';
    return `${finding.name}: ${finding.used} of ${finding.quota} used, this deploy adds ${finding.adding}; quota ${finding.quotaCode}${assumed}`;
  });
  const fixes = exceeded.map((finding) => {
    const excess = finding.used + finding.adding - finding.quota;
    const desired = Math.max(finding.quota * 2, finding.used + finding.adding);
    const region = context.region ? ` --region ${context.region}` : '';
    const request = `\`aws service-quotas request-service-quota-increase --service-code ${finding.serviceCode} `
      + `--quota-code ${finding.quotaCode} --desired-value ${desired}${region}\``;
    const readable = finding.source === 'default'
      ? ' (if the account\'s quota is higher, allow servicequotas:GetServiceQuota so the preflight can read it)'
      : '';
    return `${finding.name}: ${freeHint(finding, excess)}, or request an increase with ${request}${readable}.`;
  });
  return new PreflightError(PreflightErrorCode.QUOTA_EXCEEDED,
    `The deploy would exceed ${count}${where}: ${problems.join('. ')}.`,
    fixes.join(' '),
    context.callerArn);
}

/** What to delete or release to make room for `excess` more. */
function freeHint(finding: QuotaFinding, excess: number): string {
  const n = (one: string, many: string) => `${excess} ${excess === 1 ? one : many}`;
  switch (finding.quotaCode) {
    case 'L-F678F1CE':
      return `delete ${n('VPC', 'VPCs')} you no longer use (\`aws ec2 describe-vpcs\` lists them)`;
    case 'L-0263D0A3':
      return `release ${n('Elastic IP', 'Elastic IPs')} you no longer use (\`aws ec2 describe-addresses\`, then `
        + '`aws ec2 release-address --allocation-id <id>`), or lower natGateways in .projenrc.ts';
    case 'L-1194D53C':
      return `delete ${n('EKS cluster', 'EKS clusters')} you no longer use (\`aws eks list-clusters\` lists them)`;
    default:
      return `free ${excess}`;
  }
}

/** Service Quotas errors that mean "this quota cannot be read here", not an outage. */
const UNREADABLE_QUOTA = new Set(['AccessDeniedException', 'NoSuchResourceException']);

async function readQuota(client: ServiceQuotasClient, definition: QuotaDefinition): Promise<Pick<QuotaFinding, 'quota' | 'source' | 'reason'>> {
  try {
    const { Quota } = await client.send(new GetServiceQuotaCommand({ ServiceCode: definition.serviceCode, QuotaCode: definition.quotaCode }));
    if (Quota?.Value === undefined) return { quota: definition.defaultValue, source: 'default', reason: 'Service Quotas answered no value' };
    return { quota: Quota.Value, source: 'service-quotas' };
  } catch (error) {
    if (error instanceof Error && UNREADABLE_QUOTA.has(error.name)) {
      return { quota: definition.defaultValue, source: 'default', reason: `${error.name}: ${error.message}` };
    }
    throw error;
  }
}

async function countVpcs(client: EC2Client, account: string | undefined): Promise<number> {
  let count = 0;
  for await (const page of paginateDescribeVpcs({ client }, {})) {
    count += (page.Vpcs ?? []).filter((vpc) => account === undefined || vpc.OwnerId === undefined || vpc.OwnerId === account).length;
  }
  return count;
}

async function countElasticIps(client: EC2Client): Promise<number> {
  const { Addresses } = await client.send(new DescribeAddressesCommand({}));
  // EC2-Classic addresses (domain `standard`) are gone, and never counted against this quota.
  return (Addresses ?? []).filter((address) => address.Domain !== 'standard').length;
}

async function countClusters(client: EKSClient): Promise<number> {
  let count = 0;
  for await (const page of paginateListClusters({ client }, {})) count += page.clusters?.length ?? 0;
  return count;
}
