import { checkBoolean, checkEnum } from './checks';
import { ControlPlaneTier, SecurityProfile } from './enums';
import { BottlerocketEksSettings } from './options';
import { ResolvedSettings } from './resolved';

/** The cluster's resilience and capacity options, with the profile's defaults. */
export type ResolvedClusterOptions = Pick<ResolvedSettings, 'zonalShift' | 'controlPlaneTier'>;

/**
 * Zonal shift (on by default with the strict profile, which asks for what survives the loss of a
 * zone) and the control plane tier (EKS's default when unset, so the template names none).
 */
export function resolveClusterOptions(settings: BottlerocketEksSettings, securityProfile: SecurityProfile): ResolvedClusterOptions {
  return {
    // Unset with the standard profile: the template names none, as before the option existed.
    zonalShift: settings.zonalShift !== undefined ? checkBoolean('zonalShift', settings.zonalShift)
      : securityProfile === SecurityProfile.STRICT ? true : undefined,
    controlPlaneTier: settings.controlPlaneTier === undefined ? undefined
      : checkEnum('controlPlaneTier', settings.controlPlaneTier, Object.values(ControlPlaneTier)),
  };
}
