import { BottlerocketEksSettings } from './options';
import { ResolvedExistingVpc } from './resolved';

/** The team's own VPC, when `vpcId` is set. */
export function resolveExistingVpc(settings: BottlerocketEksSettings, _region: string): ResolvedExistingVpc | undefined {
  if (settings.vpcId === undefined) return undefined;
  return { vpcId: settings.vpcId, privateSubnetIds: settings.privateSubnetIds ?? {}, publicSubnetIds: settings.publicSubnetIds };
}
