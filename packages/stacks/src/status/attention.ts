import type { AddonStatus, Attention, ClusterStatus, NodegroupStatus, StackStatus, StatusNote } from './model';

/** The parts of a status that decide what needs attention. */
export interface AttentionInput {
  readonly stacks: StackStatus[];
  readonly cluster: ClusterStatus;
  readonly addons: AddonStatus[];
  readonly nodegroups: NodegroupStatus[];
  readonly notes: StatusNote[];
  /** Days before the end of standard support from which the version needs attention. */
  readonly supportDays: number;
  /** The deploy task of the environment, for the fixes: `npx projen deploy` or `npx projen deploy:<env>`. */
  readonly deployCommand: string;
  /** The upgrade command of the environment, for the fixes. */
  readonly upgradeCommand: string;
}

/** What to do about drift: a deploy changes only what the template changes, so it does not undo it. */
export const UNDO_DRIFT = 'set the drifted properties back to the template\'s values (the expected values above) outside CloudFormation: '
  + 'a deploy changes only what its template changes, so it leaves them as they are';

/** Statuses of an add-on or node group that mean it does not work as it should. */
const BAD_RESOURCE_STATUS = new Set(['CREATE_FAILED', 'DELETE_FAILED', 'DEGRADED', 'UPDATE_FAILED']);

/**
 * What needs attention, in screen order: a stack not deployed or failed, drift (or drift that
 * could not be established), refused pending changes; a cluster not there, not ACTIVE, with
 * health issues, on another version than the settings, or near the end of standard support;
 * an upgrade insight in ERROR; an add-on or node group missing, failed, degraded or with
 * health issues, a node group on another Kubernetes version than the cluster; and every part
 * that could not be read. A newer Bottlerocket release, pending changes a deploy can carry out,
 * and a stack being changed are shown but need no attention.
 */
export function attentionOf(input: AttentionInput): Attention[] {
  const found: Attention[] = [];
  const add = (a: Attention) => found.push(a);
  const { cluster, deployCommand } = input;

  for (const stack of input.stacks) {
    const subject = stack.stackName;
    if (!stack.exists) {
      add({ section: 'stacks', subject, reason: 'not deployed', fix: `\`${deployCommand}\`` });
      continue;
    }
    const status = stack.status ?? '';
    if (/FAILED$/.test(status) || /ROLLBACK/.test(status)) {
      add({ section: 'stacks', subject, reason: `${status}${stack.statusReason ? `: ${stack.statusReason}` : ''}`, fix: `\`${deployCommand}\` says what to do (its preflight reads the stack's events)` });
    }
    if (stack.drift?.status === 'DRIFTED') {
      const resources = stack.drift.resources.map((r) => `${r.logicalId} ${r.status.toLowerCase()}`).join(', ');
      // A deploy sends only what the template changes: it does not put back what was changed outside CloudFormation.
      add({ section: 'stacks', subject, reason: `drifted: ${resources}`, fix: UNDO_DRIFT });
    }
    if (stack.drift?.status === 'UNKNOWN') add({ section: 'stacks', subject, reason: `drift unknown: ${stack.drift.reason}` });
    if (stack.pending && stack.pending.refused > 0) {
      add({ section: 'stacks', subject, reason: `${stack.pending.refused} pending change(s) CloudFormation would refuse`, fix: `\`${deployCommand}\` shows each with the way out` });
    }
  }

  if (!cluster.exists) {
    if (input.stacks.some((s) => s.exists)) add({ section: 'cluster', subject: cluster.name, reason: 'no such EKS cluster', fix: `\`${deployCommand}\`` });
  } else {
    if (cluster.status && cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') {
      add({ section: 'cluster', subject: cluster.name, reason: `status ${cluster.status}` });
    }
    for (const issue of cluster.healthIssues) add({ section: 'cluster', subject: cluster.name, reason: `health: ${issue.code}: ${issue.message}` });
    if (cluster.version && cluster.version !== cluster.settingsVersion) {
      add({
        section: 'cluster',
        subject: cluster.name,
        reason: `runs Kubernetes ${cluster.version}, the settings say ${cluster.settingsVersion}`,
        fix: `set kubernetesVersion to ${cluster.version} in .projenrc.ts (EKS upgraded it, or a deploy is pending), or \`${input.upgradeCommand}\``,
      });
    }
    const support = cluster.support;
    if (support && support.daysLeft <= input.supportDays) {
      const when = support.daysLeft < 0 ? `left standard support on ${support.endOfStandardSupport}` : `leaves standard support on ${support.endOfStandardSupport}, in ${support.daysLeft} day(s)`;
      add({ section: 'cluster', subject: `Kubernetes ${cluster.version}`, reason: when, fix: `\`${input.upgradeCommand}\`` });
    }
    for (const insight of cluster.insights ?? []) {
      if (insight.status === 'ERROR') {
        add({ section: 'cluster', subject: `insight "${insight.name}" (${insight.kubernetesVersion})`, reason: `ERROR${insight.reason ? `: ${insight.reason}` : ''}`, fix: insight.recommendation });
      }
    }
  }

  for (const addon of input.addons) {
    if (!cluster.exists) break;
    if (!addon.installed) add({ section: 'addons', subject: addon.name, reason: 'not installed', fix: `\`${deployCommand}\`` });
    else if (addon.status && BAD_RESOURCE_STATUS.has(addon.status)) add({ section: 'addons', subject: addon.name, reason: `status ${addon.status}` });
    for (const issue of addon.healthIssues) add({ section: 'addons', subject: addon.name, reason: `health: ${issue.code}: ${issue.message}` });
    if (addon.installed && addon.settingsVersion && addon.version !== addon.settingsVersion) {
      add({ section: 'addons', subject: addon.name, reason: `runs ${addon.version}, the settings say ${addon.settingsVersion}`, fix: `\`${deployCommand}\`` });
    }
  }

  for (const group of input.nodegroups) {
    if (!cluster.exists) break;
    if (!group.exists) {
      add({ section: 'nodegroups', subject: group.name, reason: 'no such node group', fix: `\`${deployCommand}\`` });
      continue;
    }
    if (group.status && BAD_RESOURCE_STATUS.has(group.status)) add({ section: 'nodegroups', subject: group.name, reason: `status ${group.status}` });
    for (const issue of group.healthIssues) add({ section: 'nodegroups', subject: group.name, reason: `health: ${issue.code}: ${issue.message}` });
    if (group.version && cluster.version && group.version !== cluster.version) {
      add({
        section: 'nodegroups',
        subject: group.name,
        reason: `nodes run Kubernetes ${group.version}, the control plane ${cluster.version}`,
        fix: `\`${deployCommand}\` (EKS upgrades a cluster only when its node groups run its version)`,
      });
    }
    const size = group.size;
    if (size && (size.min !== group.settingsSize.min || size.max !== group.settingsSize.max)) {
      add({
        section: 'nodegroups',
        subject: group.name,
        reason: `min/max ${size.min}/${size.max}, the settings say ${group.settingsSize.min}/${group.settingsSize.max}`,
        fix: `\`${deployCommand}\``,
      });
    }
  }
  for (const note of input.notes) add({ section: note.section, subject: 'unread', reason: note.text });
  return found;
}
