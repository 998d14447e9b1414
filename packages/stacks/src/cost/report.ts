import type { CostLine, EnvironmentCost, UsdRange } from 'bottlerocket-eks-config/lib/cost';
import { HOURS_PER_MONTH, roundCents, usd } from 'bottlerocket-eks-config/lib/cost';
import { table } from '../process/table';

/** The estimates of a repository's environments, and where their prices come from. */
export interface CostReport {
  /** When it was made (ISO 8601). */
  readonly estimatedAt: string;
  readonly environments: EnvironmentCost[];
  /** The sum over the environments, at desired and at maximum size (lines with a figure only). */
  readonly total: UsdRange;
  readonly totalAtMax: UsdRange;
  readonly notCounted: number;
  /** Every source of a price used, with its date. */
  readonly sources: string[];
  /** What prices were asked for: `table` (the product's) or `live` (AWS, now). */
  readonly prices: 'table' | 'live';
}

/** The report of estimates: their sum over the repository and their sources. */
export function costReport(environments: EnvironmentCost[], prices: CostReport['prices'], now: Date): CostReport {
  const add = (pick: (e: EnvironmentCost) => UsdRange) => environments.reduce(
    (acc, e) => ({ low: roundCents(acc.low + pick(e).low), high: roundCents(acc.high + pick(e).high) }), { low: 0, high: 0 });
  return {
    estimatedAt: now.toISOString(),
    environments,
    total: add((e) => e.total),
    totalAtMax: add((e) => e.totalAtMax),
    notCounted: environments.reduce((n, e) => n + e.notCounted, 0),
    sources: [...new Set(environments.flatMap((e) => e.lines.flatMap((l) => l.sources)))],
    prices,
  };
}

/** The report for a person: a table per environment, the repository's total, the sources. */
export function formatCostReport(report: CostReport): string {
  const out = [`Monthly cost estimate, ${report.estimatedAt.slice(0, 10)} (USD, ${HOURS_PER_MONTH} hours a month, before taxes, credits and discounts)`];
  for (const e of report.environments) {
    out.push('', `${e.environment ?? e.pjPrefix} (${e.pjPrefix}, ${e.region})`);
    const rows = e.lines.map((l) => [l.item, l.detail, figure(l, l.monthly), figure(l, l.monthlyAtMax ?? l.monthly)]);
    const least = e.notCounted > 0 ? 'at least ' : '';
    rows.push(['total', e.notCounted > 0 ? `${e.notCounted} line(s) not counted` : '', `${least}${usd(e.total)}`, `${least}${usd(e.totalAtMax)}`]);
    out.push(...table([['item', 'what', 'a month', 'at max size'], ...rows]));
    for (const l of e.lines.filter((x) => !x.monthly)) out.push(`  ${l.usageBased ? 'usage-based' : 'unknown'}: ${l.item}: ${l.unknown}`);
    out.push(`  Kubernetes ${e.support.version}: ${e.support.endOfStandardSupport
      ? `standard support until ${e.support.endOfStandardSupport}${e.support.estimated ? ' (an estimated date)' : ''}; ${e.support.then}`
      : e.support.then}.`);
  }
  if (report.environments.length > 1) {
    const least = report.notCounted > 0 ? 'at least ' : '';
    out.push('', `All environments: ${least}${usd(report.total)} a month (${least}${usd(report.totalAtMax)} at max size)`
      + `${report.notCounted > 0 ? `, ${report.notCounted} line(s) not counted` : ''}.`);
  }
  out.push('', report.prices === 'live' ? 'Prices asked of AWS now, and AWS\'s pages:' : 'Prices from the product\'s table and AWS\'s pages (`--live` asks AWS for current ones):');
  out.push(...(report.sources.length > 0 ? report.sources.map((s) => `  - ${s}`) : ['  - none']));
  return `${out.join('\n')}\n`;
}

function figure(line: CostLine, range: UsdRange | undefined): string {
  if (range) return usd(range);
  return line.usageBased ? 'usage-based' : 'unknown';
}
