import { ResolvedSettings } from 'bottlerocket-eks-config';
import {
  billOfSettings, EnvironmentCost, estimateEnvironment, HOURS_PER_MONTH, PRICE_TABLE, shippedPrices, UsdRange, usd,
} from 'bottlerocket-eks-config/lib/cost';
import { COST_TASK } from '../task-names';
import { DeploymentsView } from './deployments-view';

/**
 * "What it costs": each deployment's monthly estimate from its settings with the prices the
 * product ships (its table and AWS's pages), regenerated with the settings, so a pull request that
 * changes them shows what they cost; lines without a price said as such, `npx projen cost -- --live`
 * for AWS's current prices (Spot included).
 */
export function costSection(view: DeploymentsView): string {
  const deployments: Array<{ name?: string; settings: ResolvedSettings }> = view.hasEnvironments
    ? view.environments.map((e) => ({ name: e.name, settings: e.settings }))
    : [{ settings: view.shown.settings }];
  const estimates = deployments.map((d) => estimateEnvironment({
    bill: billOfSettings(d.settings), environment: d.name, prices: shippedPrices(PRICE_TABLE.prices, d.settings.partition),
  }));
  const sources = [...new Set(estimates.flatMap((e) => e.lines.flatMap((l) => l.sources)))];
  return `## What it costs

An estimate a month (USD, ${HOURS_PER_MONTH} hours, before taxes, credits and discounts) from the settings, with the prices this
version of the project type ships: its price table${PRICE_TABLE.offers.length > 0 ? ` (${PRICE_TABLE.offers.join('; ')})` : ' (empty in this version)'} and AWS's
pages. A line without a price is **unknown**, never guessed; \`npx projen ${COST_TASK}${view.hasEnvironments ? '[:<environment>]' : ''} -- --live\` asks AWS for its current
prices (the Price List Query API and EC2's Spot price history: \`pricing:GetProducts\`, \`ec2:DescribeSpotPriceHistory\`). The update plan of a
deploy says what it changes.

${estimates.map((e) => table(e, view.hasEnvironments)).join('\n')}
Prices: ${sources.length > 0 ? sources.map((s) => `\n- ${s}`).join('') : 'none'}
`;
}

function table(e: EnvironmentCost, named: boolean): string {
  const rows = e.lines.map((l) => `| ${l.item} | ${l.detail} | ${figure(l.monthly, l.usageBased)} | ${figure(l.monthlyAtMax ?? l.monthly, l.usageBased)} |`);
  return `${named ? `### ${e.environment} (${e.pjPrefix}, ${e.region})\n\n` : ''}| item | what | a month | at max size |
| --- | --- | --- | --- |
${rows.join('\n')}
| **total** | ${e.notCounted > 0 ? `${e.notCounted} line(s) not counted` : ''} | **${least(e)}${usd(e.total)}** | **${least(e)}${usd(e.totalAtMax)}** |

Kubernetes ${e.support.version}: ${e.support.endOfStandardSupport ? `standard support until ${e.support.endOfStandardSupport}; ${e.support.then}` : e.support.then}.
`;
}

function figure(range: UsdRange | undefined, usageBased?: boolean): string {
  if (range) return usd(range);
  return usageBased ? 'usage-based' : 'unknown';
}

/** `at least ` before a total that leaves lines out. */
function least(e: EnvironmentCost): string {
  return e.notCounted > 0 ? 'at least ' : '';
}
