import { formatPlan, formatPlanBrief } from '../plan';
import { DeployTarget, Operation } from './check';
import { PreflightError } from './errors';
import { DeployCheck } from './runner';

/** How the command prints its findings. */
export type ReportFormat = 'text' | 'brief' | 'json';

/** The findings of a preflight that passed (and of the deploy checks, if they ran), for a person, a log line or a script. */
export function formatTarget(target: DeployTarget, format: ReportFormat, operation: Operation, check?: DeployCheck): string {
  if (format === 'json') return json({ ok: true, operation, ...target, ...checkJson(check) });
  return formatIdentity(target, format, operation) + checkText(check, format);
}

/** A finding that stopped the operation (after the deploy checks, if they ran): the problem, the caller if known, and the fix. */
export function formatFailure(error: PreflightError, format: ReportFormat, check?: DeployCheck, command: string = 'Preflight'): string {
  const { code, message, fix, callerArn } = error;
  if (format === 'json') return json({ ok: false, error: { code, message, fix, callerArn }, ...checkJson(check) });
  return checkText(check, format) + [
    `${command} failed (${code}): ${message}`,
    ...(callerArn ? [row('caller', callerArn)] : []),
    row('fix', fix),
    '',
  ].join('\n');
}

function formatIdentity(target: DeployTarget, format: ReportFormat, operation: Operation): string {
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

/** The update plan, then the quotas counted and what could not be checked. */
function checkText(check: DeployCheck | undefined, format: ReportFormat): string {
  if (!check) return '';
  const warnings = check.warnings.map((w) => `warning: ${w}\n`).join('');
  if (format === 'brief') return formatPlanBrief(check.plan) + warnings;
  const quotas = check.quotas.map((q) => row(q.name, `${q.used} used + ${q.adding} = ${q.used + q.adding} of ${q.quota}`,
    `${q.ok ? 'ok' : 'EXCEEDED'}; ${q.source === 'default' ? 'AWS default, the account\'s quota could not be read' : `quota ${q.quotaCode}`}`));
  return formatPlan(check.plan) + (quotas.length > 0 ? `Quotas in the region:\n${quotas.join('\n')}\n` : '') + warnings;
}

function checkJson(check: DeployCheck | undefined): object {
  return check ? { plan: check.plan, quotas: check.quotas, warnings: check.warnings } : {};
}

function json(value: unknown): string {
  return `${JSON.stringify(value, undefined, 2)}\n`;
}

function row(label: string, value: string, note?: string): string {
  return `  ${label.padEnd(10)} ${value}${note ? `  (${note})` : ''}`;
}
