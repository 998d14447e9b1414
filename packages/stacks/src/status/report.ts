import type { EnvironmentStatus, InsightStatus, NodegroupStatus, PendingChanges, StackDrift, StackStatus } from './model';
import { table } from '../process/table';

/** How a status is written: `text` for a person (colour only on a terminal), `json` for scripts. */
export interface StatusFormat {
  readonly json?: boolean;
  /** Colour the marks (green, yellow, red): only when writing to a terminal that wants colour. */
  readonly color?: boolean;
}

/** The status as the command writes it to stdout. */
export function formatStatus(status: EnvironmentStatus, format: StatusFormat = {}): string {
  if (format.json) return `${JSON.stringify(status, undefined, 2)}\n`;
  return formatText(status, painter(format.color ?? false));
}

interface Paint {
  readonly ok: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly bold: (s: string) => string;
}

function painter(color: boolean): Paint {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { ok: wrap('32'), warn: wrap('33'), bad: wrap('31'), bold: wrap('1') };
}

function formatText(status: EnvironmentStatus, paint: Paint): string {
  const { target, cluster } = status;
  const lines: string[] = [];
  const of = status.environment ? ` (environment ${status.environment})` : '';
  lines.push(paint.bold(`Status of ${target.pjPrefix}${of}: account ${target.account}, ${target.region}, as ${target.callerArn}, at ${status.checkedAt.slice(0, 16).replace('T', ' ')} UTC`));

  lines.push('', paint.bold('Stacks'));
  lines.push(...table([
    ['stack', 'status', 'last change', 'pending', 'drift'],
    ...status.stacks.map((s) => [s.stackName, s.exists ? s.status ?? '?' : paint.bad('not deployed'), s.lastUpdated?.slice(0, 10) ?? '-', pendingText(s.pending), driftText(s.drift, paint)]),
  ]));
  for (const stack of status.stacks) lines.push(...driftDetails(stack));

  lines.push('', paint.bold(`Cluster ${cluster.name}`));
  if (!cluster.exists) {lines.push(`  not deployed (the settings ask for Kubernetes ${cluster.settingsVersion})`);} else {
    const versionMark = cluster.version === cluster.settingsVersion ? '' : paint.bad(` (the settings say ${cluster.settingsVersion})`);
    lines.push(`  Kubernetes ${cluster.version}${versionMark}, platform ${cluster.platformVersion ?? '?'}, ${cluster.status === 'ACTIVE' ? paint.ok('ACTIVE') : paint.warn(cluster.status ?? '?')}`);
    const s = cluster.support;
    if (s) {
      const days = s.daysLeft < 0 ? paint.bad(`ended ${-s.daysLeft} day(s) ago`) : `${s.daysLeft} day(s) left`;
      lines.push(`  standard support until ${s.endOfStandardSupport}${s.estimated ? ' (estimated)' : ''}: ${days} (from ${s.source})${s.next ? `; next version ${s.next}` : ''}`);
    } else {lines.push('  standard support: unknown (neither EKS nor the product\'s table knows this version)');}
    for (const issue of cluster.healthIssues) lines.push(`  ${paint.bad('health')} ${issue.code}: ${issue.message}`);
    lines.push(...insightLines(cluster.insights, paint));
  }

  lines.push('', paint.bold('Add-ons'));
  lines.push(...table([
    ['add-on', 'installed', 'settings', 'EKS default', 'status'],
    ...status.addons.map((a) => [a.name, a.installed ? a.version ?? '?' : paint.bad('not installed'), a.settingsVersion ?? 'EKS default', a.eksDefault ?? '-',
      a.status ? (a.status === 'ACTIVE' ? paint.ok(a.status) : paint.warn(a.status)) : '-']),
  ]));
  for (const a of status.addons) for (const issue of a.healthIssues) lines.push(`  ${paint.bad('health')} ${a.name}: ${issue.code}: ${issue.message}`);

  lines.push('', paint.bold('Node groups'));
  lines.push(...table([
    ['node group', 'status', 'Kubernetes', 'Bottlerocket', 'newest', 'desired/min/max (settings)'],
    ...status.nodegroups.map((g) => [g.nodegroupName ?? g.name, g.exists ? statusMark(g.status, paint) : paint.bad('not deployed'), g.version ?? '-',
      g.releaseVersion ?? '-', releaseText(g, paint), sizeText(g)]),
  ]));
  for (const g of status.nodegroups) for (const issue of g.healthIssues) lines.push(`  ${paint.bad('health')} ${g.name}: ${issue.code}: ${issue.message}`);

  lines.push('');
  if (status.attention.length === 0) {lines.push(paint.ok('Nothing needs attention.'));} else {
    lines.push(paint.bad(`Needs attention (${status.attention.length}):`));
    for (const a of status.attention) lines.push(`  - ${a.section}: ${a.subject}: ${a.reason}${a.fix ? `. Fix: ${a.fix}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function pendingText(pending: PendingChanges | undefined): string {
  if (!pending) return 'not planned';
  const parts = (['create', 'update', 'replace', 'delete'] as const).filter((k) => pending[k] > 0).map((k) => `${pending[k]} to ${k}`);
  return `${parts.join(', ') || 'up to date'}${pending.refused > 0 ? `; ${pending.refused} refused` : ''}`;
}

function driftText(drift: StackDrift | undefined, paint: Paint): string {
  if (!drift) return '-';
  if (drift.status === 'IN_SYNC') return paint.ok('in sync');
  if (drift.status === 'DRIFTED') return paint.bad(`DRIFTED (${drift.resources.length})`);
  if (drift.status === 'NOT_CHECKED') return 'not checked';
  return paint.warn('unknown');
}

function driftDetails(stack: StackStatus): string[] {
  const drift = stack.drift;
  if (drift?.status === 'UNKNOWN') return [`  ${stack.stackName}: drift unknown: ${drift.reason}`];
  if (drift?.status !== 'DRIFTED') return [];
  return drift.resources.flatMap((r) => [
    `  ${stack.stackName}: ${r.logicalId} (${r.type}) ${r.status}`,
    ...r.properties.map((p) => `      ${p.path}: expected ${p.expected ?? '(none)'}, actual ${p.actual ?? '(none)'}`),
  ]);
}

function insightLines(insights: InsightStatus[] | undefined, paint: Paint): string[] {
  if (insights === undefined) return ['  upgrade insights: could not be read'];
  if (insights.length === 0) return ['  upgrade insights: none yet (EKS computes them on its own schedule: not a pass)'];
  const count = (s: string) => insights.filter((i) => i.status === s).length;
  const versions = [...new Set(insights.map((i) => i.kubernetesVersion))].join(', ');
  const unknown = count('UNKNOWN') > 0 ? ' (not computed yet: not a pass)' : '';
  const lines = [`  upgrade insights (to ${versions}): ${count('PASSING')} passing, ${count('WARNING')} warning, ${count('ERROR')} error, `
    + `${count('UNKNOWN')} unknown${unknown}`];
  for (const i of insights.filter((x) => x.status !== 'PASSING')) {
    const mark = i.status === 'ERROR' ? paint.bad(i.status) : paint.warn(i.status);
    lines.push(`    ${mark} ${i.name}${i.reason ? `: ${i.reason}` : ''}${i.recommendation ? `\n      recommendation: ${i.recommendation}` : ''}`);
  }
  return lines;
}

function statusMark(status: string | undefined, paint: Paint): string {
  if (status === 'ACTIVE') return paint.ok(status);
  return paint.warn(status ?? '?');
}

function releaseText(group: NodegroupStatus, paint: Paint): string {
  if (!group.latestRelease) return 'unknown';
  if (!group.releaseVersion) return group.latestRelease;
  return group.releaseVersion === group.latestRelease ? paint.ok('current') : paint.warn(`${group.latestRelease} available`);
}

function sizeText(group: NodegroupStatus): string {
  const s = group.settingsSize;
  const settings = `${s.desired}/${s.min}/${s.max}`;
  return group.size ? `${group.size.desired}/${group.size.min}/${group.size.max} (${settings})` : `- (${settings})`;
}
