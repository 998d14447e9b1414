import { formatPlan, formatPlanBrief, UpdatePlan } from '../plan';
import { PreflightError } from './errors';
import { DeployTarget } from './preflight';

/** How the command prints its findings. */
export type ReportFormat = 'text' | 'brief' | 'json';

/** The findings of a preflight that passed (and the update plan, if one was made), for a person, a log line or a script. */
export function formatTarget(target: DeployTarget, format: ReportFormat, operation: 'deploy' | 'destroy', plan?: UpdatePlan): string {
  if (format === 'json') return json({ ok: true, operation, ...target, plan });
  return formatIdentity(target, format, operation) + planText(plan, format);
}

/** A finding that stopped the operation (after the update plan, if one was made): the problem, the caller if known, and the fix. */
export function formatFailure(error: PreflightError, format: ReportFormat, plan?: UpdatePlan): string {
  const { code, message, fix, callerArn } = error;
  if (format === 'json') return json({ ok: false, error: { code, message, fix, callerArn }, plan });
  return planText(plan, format) + [
    `Preflight failed (${code}): ${message}`,
    ...(callerArn ? [row('caller', callerArn)] : []),
    row('fix', fix),
    '',
  ].join('\n');
}

function formatIdentity(target: DeployTarget, format: ReportFormat, operation: 'deploy' | 'destroy'): string {
  const account = target.accountPinned ? 'matches accountId' : 'accountId is not set, so any account is accepted: pin it in .projenrc.ts';
  if (format === 'brief') {
    return `preflight ok: ${operation} ${target.pjPrefix} into account ${target.account} (${target.callerArn}), `
      + `region ${target.region}, partition ${target.partition}\n`;
  }
  const verb = operation === 'destroy' ? 'delete' : 'create or update';
  return [
    `Preflight passed: ${operation} of ${target.pjPrefix} would ${verb}`,
    row('account', target.account, account),
    row('caller', target.callerArn),
    row('partition', target.partition),
    row('region', target.region, `from ${target.regionSource}`),
    row('stacks', target.stacks.join(', '), 'in this order'),
    '',
  ].join('\n');
}

function planText(plan: UpdatePlan | undefined, format: ReportFormat): string {
  if (!plan) return '';
  return format === 'brief' ? formatPlanBrief(plan) : formatPlan(plan);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, undefined, 2)}\n`;
}

function row(label: string, value: string, note?: string): string {
  return `  ${label.padEnd(10)} ${value}${note ? `  (${note})` : ''}`;
}
