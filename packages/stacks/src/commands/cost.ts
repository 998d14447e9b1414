import { parseArgs } from 'util';
import { CapacityType, COST_FLAGS, ResolvedSettings } from 'bottlerocket-eks-config';
import { AWS_LIMIT_OPTIONS, awsLimitsOf, failedCommandExit } from './aws-command';
import { environmentsFlag } from './environments-flag';
import { AwsClients } from '../aws/clients';
import {
  billOfSettings, costReport, DOCUMENTED_PRICES, estimateEnvironment, EnvironmentCost,
  firstOf, formatCostReport, PRICE_TABLE, readLivePrices, shippedPrices, tableSource,
} from '../cost';
import { withDeadline } from '../preflight/aws-errors';
import { CommandIo } from '../process/io';
import { readSettingsFile } from '../synth/settings-file';

/**
 * `bottlerocket-eks cost`: what each environment of the repository costs a month, line by line,
 * from its settings, with the prices of the product's table and AWS's pages, or with `--live` the
 * prices AWS gives now. Exit 0 when estimated, 1 when AWS could not be asked (`--live`: one
 * line), 2 on wrong usage.
 */
export async function costCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      [COST_FLAGS.json]: { type: 'boolean' },
      [COST_FLAGS.environments]: { type: 'string' },
      [COST_FLAGS.live]: { type: 'boolean' },
      ...AWS_LIMIT_OPTIONS,
    },
  });
  const limits = awsLimitsOf('cost', values, io.env);
  const environments = environmentsFlag('cost', values[COST_FLAGS.environments]);
  const deployments = environments.map((environment) => ({ environment, settings: readSettingsFile({ environment }) }));
  const json = values.json === true;
  const now = new Date();
  try {
    const estimates: EnvironmentCost[] = [];
    for (const { environment, settings } of deployments) {
      const shipped = shippedPrices(PRICE_TABLE.prices, settings.partition);
      if (!values.live) {
        estimates.push(estimateEnvironment({ bill: billOfSettings(settings), environment, prices: shipped }));
        continue;
      }
      const aws = new AwsClients(settings.region, limits);
      const live = await withDeadline(aws, () => readLivePrices(aws.pricing(), aws.ec2(), settings.region, needs(settings), now), 'Asking AWS for prices');
      // AWS's current prices first; its pages for what the Price List is not asked.
      const prices = firstOf(live.prices, tableSource(DOCUMENTED_PRICES, settings.partition));
      estimates.push(estimateEnvironment({ bill: billOfSettings(settings), environment, prices, spot: live.spot }));
    }
    const report = costReport(estimates, values.live ? 'live' : 'table', now);
    io.out.write(json ? `${JSON.stringify(report, undefined, 2)}\n` : formatCostReport(report));
    return 0;
  } catch (error) {
    return failedCommandExit(error, io, json ? 'json' : 'text', 'Cost');
  }
}

/** The instance types an environment's groups need prices of, on demand and Spot. */
function needs(settings: ResolvedSettings): { onDemand: string[]; spot: string[] } {
  const of = (spot: boolean) => [...new Set(settings.nodegroups
    .filter((g) => (g.capacityType === CapacityType.SPOT) === spot).flatMap((g) => g.instanceTypes))];
  return { onDemand: of(false), spot: of(true) };
}

