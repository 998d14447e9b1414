import { BlockedBottlerocketRelease, findBlockedRelease } from 'bottlerocket-eks-config';
import { CREATE_ONLY_PROPERTIES } from './create-only-properties';
import { forEachEntry } from '../synth/template-walk';

/** A CloudFormation template as parsed: only resources and outputs are read. */
export interface CfnTemplate {
  readonly Resources?: { readonly [logicalId: string]: CfnResource };
  readonly Outputs?: { readonly [id: string]: { readonly Value?: unknown; readonly Export?: { readonly Name?: unknown } } };
}

/** One resource of a template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: { readonly [name: string]: unknown };
}

/** What a deploy does to one resource. */
export type ResourceAction = 'create' | 'update' | 'replace' | 'delete';

/** A change of one resource, judged. */
export interface ResourceChange {
  readonly logicalId: string;
  readonly type: string;
  readonly action: ResourceAction;
  /** The properties whose value changes (for `replace`, those that force it first). */
  readonly properties: string[];
  /** The deployed values of `properties` (to say what to set back). */
  readonly deployedValues?: { readonly [property: string]: unknown };
  /** For `replace`: why a property changes value without being edited (a resource it refers to is replaced). */
  readonly replacedWith?: string[];
  /** Set when CloudFormation cannot carry the change out. */
  readonly refusal?: Refusal;
}

/** A change of an export that other stacks import. */
export interface ExportChange {
  readonly exportName: string;
  readonly action: 'change' | 'delete';
  /** The stacks that import it now. */
  readonly importers: string[];
  readonly refusal: Refusal;
}

/** Why a change cannot go ahead, and how to get there another way. */
export interface Refusal {
  /** Machine-readable reason. */
  readonly code: 'CUSTOM_NAME_REPLACEMENT' | 'EXPORT_IN_USE' | 'UNSUPPORTED_UPDATE' | 'BLOCKED_RELEASE';
  /** What CloudFormation would do, and why it would fail. */
  readonly reason: string;
}

/** The plan of one stack: what its deploy would do, and whether anything in it is refused. */
export interface StackPlan {
  readonly stackName: string;
  /** `create`: the stack does not exist yet; `update`: something changes; `unchanged`: nothing does. */
  readonly status: 'create' | 'update' | 'unchanged';
  readonly changes: ResourceChange[];
  readonly exports: ExportChange[];
  /** True when a change or an export is refused: the deploy must not start. */
  readonly refused: boolean;
}

/** What the plan of one stack is made from. */
export interface StackPlanInput {
  readonly stackName: string;
  /** The template deployed now, or undefined when the stack does not exist. */
  readonly deployed?: CfnTemplate;
  /** The template the deploy would send. */
  readonly proposed: CfnTemplate;
  /** The stacks that import each export of the deployed template (empty when none). */
  readonly importers: { readonly [exportName: string]: string[] };
  /** Bottlerocket releases no node group may move onto (the settings' and the product's). Default none. */
  readonly blockedReleases?: readonly BlockedBottlerocketRelease[];
}

/**
 * Properties that name a resource uniquely (within its cluster, for EKS): when a replacement
 * keeps all of them, CloudFormation must create the new resource under the name the old one
 * still holds, and the update fails. CloudFormation says so for custom names; EKS answers
 * 409 for a second access entry of a principal or a second add-on of a name.
 */
const IDENTITY_PROPERTIES: { readonly [type: string]: string[] } = {
  'AWS::EKS::Cluster': ['Name'],
  'AWS::EKS::Nodegroup': ['ClusterName', 'NodegroupName'],
  'AWS::EKS::AccessEntry': ['ClusterName', 'PrincipalArn'],
  'AWS::EKS::Addon': ['ClusterName', 'AddonName'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateName'],
  'AWS::IAM::Role': ['RoleName'],
};

/**
 * Judges a deploy of one stack the way CloudFormation will carry it out: each resource is
 * created, updated in place, replaced (when a property the CloudFormation specification
 * marks as replacing changes, also through a reference to a replaced resource) or deleted;
 * a replacement that keeps a resource's unique name, and a changed or deleted export that
 * another stack imports, are refused, because CloudFormation would stop the update there.
 */
export function planStack(input: StackPlanInput): StackPlan {
  const { deployed, proposed, stackName } = input;
  const blocked = input.blockedReleases ?? [];
  if (!deployed) {
    const changes = Object.entries(proposed.Resources ?? {})
      .map(([logicalId, r]) => refuseBlockedRelease({ logicalId, type: r.Type, action: 'create' as const, properties: [] }, undefined, r, blocked));
    return { stackName, status: 'create', changes, exports: [], refused: changes.some((c) => c.refusal) };
  }
  const oldResources = deployed.Resources ?? {};
  const newResources = proposed.Resources ?? {};
  const replaced = replacedResources(oldResources, newResources);
  const changes: ResourceChange[] = [];
  for (const logicalId of new Set([...Object.keys(oldResources), ...Object.keys(newResources)])) {
    const change = judgeResource(logicalId, oldResources[logicalId], newResources[logicalId], replaced);
    if (!change) continue;
    const judged = change.action === 'create' ? refuseNameClash(change, newResources[logicalId], oldResources, newResources) : change;
    changes.push(refuseBlockedRelease(judged, oldResources[logicalId], newResources[logicalId], blocked));
  }
  const exports = judgeExports(deployed, proposed, replaced, input.importers, stackName);
  const refused = changes.some((c) => c.refusal) || exports.length > 0;
  return { stackName, status: changes.length > 0 || exports.length > 0 ? 'update' : 'unchanged', changes, exports, refused };
}

/** The logical ids CloudFormation will replace: by a create-only property, then through references to them, until nothing more changes. */
function replacedResources(oldResources: CfnTemplate['Resources'] & object, newResources: CfnTemplate['Resources'] & object): Map<string, string[]> {
  const replaced = new Map<string, string[]>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [logicalId, after] of Object.entries(newResources)) {
      const before = oldResources[logicalId];
      if (!before || replaced.has(logicalId)) continue;
      const forcing = before.Type !== after.Type ? ['Type'] : changedProperties(before, after, replaced).filter((p) => replaces(after.Type, p));
      if (forcing.length > 0) {
        replaced.set(logicalId, forcing);
        grew = true;
      }
    }
  }
  return replaced;
}

function judgeResource(
  logicalId: string, before: CfnResource | undefined, after: CfnResource | undefined, replaced: Map<string, string[]>,
): ResourceChange | undefined {
  if (!before) return { logicalId, type: after!.Type, action: 'create', properties: [] };
  if (!after) return { logicalId, type: before.Type, action: 'delete', properties: [] };
  const forcing = replaced.get(logicalId);
  if (forcing) {
    const viaReferences = forcing.filter((p) => deepEqual(before.Properties?.[p], after.Properties?.[p]));
    const keepsIdentity = keepsItsName(before, after, replaced);
    return {
      logicalId,
      type: after.Type,
      action: 'replace',
      properties: forcing,
      deployedValues: pick(before, forcing),
      replacedWith: viaReferences.length > 0 ? referencesIn(after, viaReferences).filter((id) => replaced.has(id)) : undefined,
      refusal: keepsIdentity ? {
        code: 'CUSTOM_NAME_REPLACEMENT',
        reason: `${after.Type} ${logicalId} would be replaced (${forcing.join(', ')}) under the name it has now `
          + `(${IDENTITY_PROPERTIES[after.Type].map((p) => `${p} ${display(after.Properties?.[p])}`).join(', ')}), which the old one still holds`,
      } : undefined,
    };
  }
  const properties = changedProperties(before, after, replaced);
  if (properties.length === 0) return undefined;
  return { logicalId, type: after.Type, action: 'update', properties, deployedValues: pick(before, properties), refusal: unsupportedUpdate(logicalId, before, after) };
}

/**
 * A resource created under a name that a resource deleted in the same update holds (the
 * same node group name, or an access entry of the same principal under a new logical id):
 * CloudFormation creates first and deletes last, so the create fails.
 */
function refuseNameClash(change: ResourceChange, created: CfnResource, oldResources: Record<string, CfnResource>,
  newResources: Record<string, CfnResource>): ResourceChange {
  const identity = IDENTITY_PROPERTIES[created.Type];
  if (!identity || identity.some((p) => created.Properties?.[p] === undefined)) return change;
  const holder = Object.entries(oldResources).find(([id, old]) => !(id in newResources) && old.Type === created.Type
    && identity.every((p) => deepEqual(old.Properties?.[p], created.Properties?.[p])));
  if (!holder) return change;
  return {
    ...change,
    refusal: {
      code: 'CUSTOM_NAME_REPLACEMENT',
      reason: `${created.Type} ${change.logicalId} would be created under the name ${holder[0]} still holds `
        + `(${identity.map((p) => `${p} ${display(created.Properties?.[p])}`).join(', ')}); CloudFormation deletes ${holder[0]} only after`,
    },
  };
}

/**
 * A node group created, replaced or updated onto a Bottlerocket release that is blocked: the
 * deploy would roll its nodes onto a release known to be bad. A group that already runs it
 * (the release does not change) is left alone.
 */
function refuseBlockedRelease(
  change: ResourceChange, before: CfnResource | undefined, after: CfnResource | undefined, blocked: readonly BlockedBottlerocketRelease[],
): ResourceChange {
  if (change.refusal || change.action === 'delete' || after?.Type !== 'AWS::EKS::Nodegroup') return change;
  const release = after.Properties?.ReleaseVersion;
  if (typeof release !== 'string' || (change.action === 'update' && release === before?.Properties?.ReleaseVersion)) return change;
  const entry = findBlockedRelease(release, blocked);
  if (!entry) return change;
  return {
    ...change,
    deployedValues: { ...change.deployedValues, ReleaseVersion: before?.Properties?.ReleaseVersion },
    refusal: { code: 'BLOCKED_RELEASE', reason: `${after.Type} ${change.logicalId} would run Bottlerocket ${release}, which is blocked: ${entry.reason}` },
  };
}

/**
 * An in-place update the CloudFormation specification allows but the service refuses, so the
 * stack update would fail half-way: EKS upgrades a cluster one minor Kubernetes version at a
 * time and never downgrades it.
 */
function unsupportedUpdate(logicalId: string, before: CfnResource, after: CfnResource): Refusal | undefined {
  if (after.Type !== 'AWS::EKS::Cluster') return undefined;
  const [from, to] = [minorVersion(before.Properties?.Version), minorVersion(after.Properties?.Version)];
  if (from === undefined || to === undefined || to === from || to === from + 1) return undefined;
  const what = to < from ? 'a downgrade, which EKS does not do' : 'more than one minor version at once, which EKS does not do';
  return {
    code: 'UNSUPPORTED_UPDATE',
    reason: `${after.Type} ${logicalId} would go from Kubernetes ${String(before.Properties?.Version)} to ${String(after.Properties?.Version)}: ${what}`,
  };
}

/** The minor number of a `1.x` Kubernetes version, when it is a literal. */
function minorVersion(version: unknown): number | undefined {
  const match = typeof version === 'string' ? /^1\.(\d+)$/.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}

/** Whether a replacement keeps every property that names the resource uniquely. */
function keepsItsName(before: CfnResource, after: CfnResource, replaced: Map<string, string[]>): boolean {
  const identity = IDENTITY_PROPERTIES[after.Type];
  if (!identity) return false;
  return identity.every((p) => after.Properties?.[p] !== undefined && deepEqual(before.Properties?.[p], after.Properties?.[p])
    && !referencesIn(after, [p]).some((id) => replaced.has(id)));
}

function judgeExports(deployed: CfnTemplate, proposed: CfnTemplate, replaced: Map<string, string[]>,
  importers: StackPlanInput['importers'], stackName: string): ExportChange[] {
  const proposedByName = new Map<string, unknown>();
  for (const output of Object.values(proposed.Outputs ?? {})) {
    if (typeof output.Export?.Name === 'string') proposedByName.set(output.Export.Name, output.Value);
  }
  const changes: ExportChange[] = [];
  for (const output of Object.values(deployed.Outputs ?? {})) {
    const exportName = output.Export?.Name;
    if (typeof exportName !== 'string') continue;
    const users = (importers[exportName] ?? []).filter((s) => s !== stackName);
    if (users.length === 0) continue;
    if (!proposedByName.has(exportName)) {
      changes.push({
        exportName,
        action: 'delete',
        importers: users,
        refusal: { code: 'EXPORT_IN_USE', reason: `export ${exportName} would be deleted, but ${users.join(', ')} import${users.length === 1 ? 's' : ''} it` },
      });
      continue;
    }
    const value = proposedByName.get(exportName);
    const changedBy = referencesInValue(value).filter((id) => replaced.has(id));
    if (!deepEqual(output.Value, value) || changedBy.length > 0) {
      const why = changedBy.length > 0 ? ` (${changedBy.join(', ')} would be replaced)` : '';
      changes.push({
        exportName,
        action: 'change',
        importers: users,
        refusal: { code: 'EXPORT_IN_USE', reason: `export ${exportName} would change value${why}, but ${users.join(', ')} import${users.length === 1 ? 's' : ''} it` },
      });
    }
  }
  return changes;
}

/** The properties whose value changes: edited, or referring to a resource that is replaced. */
function changedProperties(before: CfnResource, after: CfnResource, replaced: Map<string, string[]>): string[] {
  const names = new Set([...Object.keys(before.Properties ?? {}), ...Object.keys(after.Properties ?? {})]);
  return [...names].filter((p) => !deepEqual(before.Properties?.[p], after.Properties?.[p])
    || referencesInValue(after.Properties?.[p]).some((id) => replaced.has(id))).sort();
}

function replaces(type: string, property: string): boolean {
  return CREATE_ONLY_PROPERTIES[type]?.[property] !== undefined;
}

/** The logical ids that some properties of a resource refer to (`Ref`, `Fn::GetAtt`, `Fn::Sub`). */
function referencesIn(resource: CfnResource, properties: string[]): string[] {
  return properties.flatMap((p) => referencesInValue(resource.Properties?.[p]));
}

function referencesInValue(value: unknown): string[] {
  const found: string[] = [];
  forEachEntry(value, (key, child) => {
    if (key === 'Ref' && typeof child === 'string') found.push(child);
    else if (key === 'Fn::GetAtt') found.push(Array.isArray(child) ? String(child[0]) : String(child).split('.')[0]);
    else if (key === 'Fn::Sub') found.push(...[...JSON.stringify(child).matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)].map((m) => m[1]));
  });
  return found.filter((id) => !id.startsWith('AWS::'));
}

function pick(resource: CfnResource, properties: string[]): { [property: string]: unknown } {
  return Object.fromEntries(properties.filter((p) => resource.Properties?.[p] !== undefined).map((p) => [p, resource.Properties![p]]));
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Objects with sorted keys, so key order never counts as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
