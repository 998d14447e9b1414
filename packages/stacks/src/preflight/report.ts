import { PreflightError } from './errors';
import { DeployTarget } from './preflight';

/** How the command prints its findings. */
export type ReportFormat = 'text' | 'brief' | 'json';

/** The findings of a preflight that passed, for a person, a log line or a script. */
export function formatTarget(target: DeployTarget, format: ReportFormat, operation: 'deploy' | 'destroy'): string {
  if (format === 'json') return `${JSON.stringify({ ok: true, operation, ...target }, undefined, 2)}\n`;
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

/** A finding that stopped the operation: the problem, the caller if known, and the fix. */
export function formatFailure(error: PreflightError, format: ReportFormat): string {
  if (format === 'json') {
    const { code, message, fix, callerArn } = error;
    return `${JSON.stringify({ ok: false, error: { code, message, fix, callerArn } }, undefined, 2)}\n`;
  }
  return [
    `Preflight failed (${error.code}): ${error.message}`,
    ...(error.callerArn ? [row('caller', error.callerArn)] : []),
    row('fix', error.fix),
    '',
  ].join('\n');
}

function row(label: string, value: string, note?: string): string {
  return `  ${label.padEnd(10)} ${value}${note ? `  (${note})` : ''}`;
}
