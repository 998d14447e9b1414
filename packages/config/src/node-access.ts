import { checkBoolean, checkString } from './checks';
import { fail } from './errors';
import { BottlerocketSettings } from './nodegroup';

/** A Bottlerocket release as EKS takes it in a node group's `ReleaseVersion`: `<major>.<minor>.<patch>-<8 hex digits of the commit>`. */
const RELEASE_VERSION_PATTERN = /^\d+\.\d+\.\d+-[0-9a-f]{8}$/;

/** `releaseVersion`, when set: the shape of a Bottlerocket release. */
export function checkReleaseVersion(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return checkString(option, value, (v) => RELEASE_VERSION_PATTERN.test(v),
    'a Bottlerocket release such as 1.50.0-5c5b35b5 (see `aws ssm get-parameter --name '
    + '/aws/service/bottlerocket/aws-k8s-<kubernetesVersion>/x86_64/latest/image_version`), or unset to follow the latest');
}

/**
 * The group's Bottlerocket settings with the control container following `ssmAccess`: with
 * Session Manager access off it is off unless set, and refused on (it would run an SSM agent
 * the node role no longer lets register). With access on the settings are returned as given,
 * so the user data of an existing group stays byte for byte the same.
 */
export function withControlContainer(bottlerocket: BottlerocketSettings, ssmAccess: boolean, option: (key: string) => string,
  launchTemplate: boolean): BottlerocketSettings {
  if (ssmAccess) return bottlerocket;
  if (!launchTemplate) {
    fail(option('launchTemplate'), false, 'true, because ssmAccess is false and the control container is turned off in the launch template\'s user data '
      + '(without one, Bottlerocket runs it)');
  }
  const controlContainer = bottlerocket.controlContainer === undefined ? false : checkBoolean(`${option('bottlerocket')}.controlContainer`, bottlerocket.controlContainer);
  if (controlContainer) {
    fail(`${option('bottlerocket')}.controlContainer`, true, 'false or unset, because ssmAccess is false (the node role has no Session Manager policy; '
      + 'set ssmAccess: true to reach nodes through the control container)');
  }
  return { ...bottlerocket, controlContainer };
}
