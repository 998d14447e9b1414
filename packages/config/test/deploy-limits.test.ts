import { BottlerocketEksSettings, checkEksZoneIds, EKS_UNSUPPORTED_ZONE_IDS, Settings, TaintEffect } from '../src';

/** Settings that deploy and then fail in CloudFormation or leave a broken cluster: refused before any deploy. */
const resolve = (settings: Partial<BottlerocketEksSettings>) => Settings.resolve({ pjPrefix: 'team-a', ...settings });

/** 21 distinct x86_64 `.xlarge` types (one size, as the node group requires). */
const TYPES = ['m5', 'm5a', 'm5n', 'm6i', 'm6a', 'm7i', 'm7a', 'c5', 'c5a', 'c5n', 'c6i', 'c6a', 'c7i', 'c7a', 'r5', 'r5a', 'r5n', 'r6i', 'r6a', 'r7i', 'r7a']
  .map((family) => `${family}.xlarge`);

describe('instanceTypes: EKS takes at most 20 per node group', () => {
  test('exactly 20 pass', () => {
    expect(resolve({ instanceTypes: TYPES.slice(0, 20) }).nodegroups[0].instanceTypes).toHaveLength(20);
    expect(resolve({ extraNodegroups: [{ name: 'batch', instanceTypes: TYPES.slice(1) }] }).nodegroups[1].instanceTypes).toHaveLength(20);
  });

  test('21 are refused in one line, for the main group and an extra one', () => {
    const list = JSON.stringify(TYPES);
    expect(() => resolve({ instanceTypes: TYPES })).toThrow(
      `Invalid instanceTypes ${list}: expected at most 20 instance types (EKS takes up to 20 per node group; this list has 21).`);
    expect(() => resolve({ extraNodegroups: [{ name: 'batch', instanceTypes: TYPES }] })).toThrow(
      `Invalid extraNodegroups[0].instanceTypes ${list}: expected at most 20 instance types (EKS takes up to 20 per node group; this list has 21).`);
  });
});

describe('taints: EKS takes keys of 1-63 characters and values of 0-63', () => {
  const key63 = `example.com/${'k'.repeat(51)}`;
  const value63 = 'v'.repeat(63);

  test('a 63-character key and a 63-character value pass', () => {
    expect(key63).toHaveLength(63);
    const taints = [{ key: key63, value: value63, effect: TaintEffect.PREFER_NO_SCHEDULE }];
    expect(resolve({ taints }).nodegroups[0].taints).toEqual(taints);
  });

  test('a 64-character key is refused, prefix included (the name part alone would be a valid label key)', () => {
    const key = `${key63}k`;
    expect(() => resolve({ taints: [{ key, effect: TaintEffect.NO_SCHEDULE }] })).toThrow(
      `Invalid taints[0].key "${key}": expected a taint key of at most 63 characters, prefix included (EKS allows 1-63; this one has 64).`);
    expect(() => resolve({ extraNodegroups: [{ name: 'gpu', taints: [{ key, effect: TaintEffect.NO_SCHEDULE }] }] })).toThrow(
      `Invalid extraNodegroups[0].taints[0].key "${key}": expected a taint key of at most 63 characters, prefix included (EKS allows 1-63; this one has 64).`);
  });

  test('a 64-character value is refused', () => {
    const value = `${value63}v`;
    expect(() => resolve({ taints: [{ key: 'dedicated', value, effect: TaintEffect.NO_SCHEDULE }] })).toThrow(
      `Invalid taints[0].value "${value}": expected up to 63 letters, digits, -, _ and ..`);
  });
});

describe('system pods: at least one node group must take them', () => {
  const allowed = 'expected at least one node group with desired size >= 1 and no NO_SCHEDULE or NO_EXECUTE taint, '
    + 'to run the system pods of coredns, aws-ebs-csi-driver and metrics-server (without one their add-ons never become active).';
  const noSchedule = { key: 'dedicated', value: 'batch', effect: TaintEffect.NO_SCHEDULE };
  const noExecute = { key: 'gpu', effect: TaintEffect.NO_EXECUTE };

  test('every group at desired size 0 is refused, naming nodeDesiredSize', () => {
    expect(() => resolve({ nodeMinSize: 0, nodeDesiredSize: 0 })).toThrow(`Invalid nodeDesiredSize 0: ${allowed}`);
    expect(() => resolve({ nodeMinSize: 0, nodeDesiredSize: 0, extraNodegroups: [{ name: 'gpu', minSize: 0, desiredSize: 0 }] }))
      .toThrow(`Invalid nodeDesiredSize 0: ${allowed}`);
  });

  test('every group tainted NO_SCHEDULE or NO_EXECUTE is refused, naming the main group\'s taints', () => {
    expect(() => resolve({ taints: [noSchedule] })).toThrow(`Invalid taints ${JSON.stringify([noSchedule])}: ${allowed}`);
    expect(() => resolve({ taints: [noSchedule], extraNodegroups: [{ name: 'gpu', taints: [noExecute] }] }))
      .toThrow(`Invalid taints ${JSON.stringify([noSchedule])}: ${allowed}`);
  });

  test('the untainted group at 0 and the tainted one with nodes is refused too: no node takes the pods', () => {
    expect(() => resolve({ taints: [noSchedule], extraNodegroups: [{ name: 'system', minSize: 0, desiredSize: 0 }] }))
      .toThrow(`Invalid taints ${JSON.stringify([noSchedule])}: ${allowed}`);
  });

  test('the message lists only the enabled add-ons among them', () => {
    expect(() => resolve({ nodeMinSize: 0, nodeDesiredSize: 0, addons: { ebsCsiDriver: { enabled: false }, metricsServer: { enabled: false } } }))
      .toThrow('Invalid nodeDesiredSize 0: expected at least one node group with desired size >= 1 and no NO_SCHEDULE or NO_EXECUTE taint, '
        + 'to run the system pods of coredns (without one their add-ons never become active).');
  });

  test('one untainted group with desired size 1 is enough, whatever the others', () => {
    expect(resolve({ nodeMinSize: 0, nodeDesiredSize: 1 }).nodegroups[0].desiredSize).toBe(1);
    expect(resolve({ nodeMinSize: 0, nodeDesiredSize: 0, extraNodegroups: [{ name: 'system', minSize: 1, desiredSize: 1 }] }).nodegroups).toHaveLength(2);
    expect(resolve({ taints: [noSchedule], extraNodegroups: [{ name: 'system', desiredSize: 1 }] }).nodegroups).toHaveLength(2);
    const extraNodegroups = [{ name: 'system', minSize: 0, desiredSize: 1, taints: [noSchedule] }, { name: 'workers', desiredSize: 1 }];
    expect(resolve({ nodeMinSize: 0, nodeDesiredSize: 0, extraNodegroups }).nodegroups).toHaveLength(3);
  });

  test('PREFER_NO_SCHEDULE does not keep system pods off', () => {
    expect(resolve({ taints: [{ key: 'spot', effect: TaintEffect.PREFER_NO_SCHEDULE }] }).nodegroups[0].taints).toHaveLength(1);
  });

  test('minimum size 0 keeps the default desired size (2): only an explicit 0 empties a group', () => {
    expect(resolve({ nodeMinSize: 0 }).nodegroups[0].desiredSize).toBe(2);
  });

  test('tainted groups pass when every enabled system add-on sets its own tolerations; sizes still count', () => {
    const tolerations = [{ key: 'dedicated', operator: 'Exists' }];
    const addons = {
      coreDns: { configurationValues: { tolerations } },
      ebsCsiDriver: { configurationValues: { controller: { tolerations } } },
      metricsServer: { configurationValues: { tolerations } },
    };
    expect(resolve({ taints: [noSchedule], addons }).nodegroups[0].taints).toEqual([noSchedule]);
    expect(() => resolve({ taints: [noSchedule], addons: { ...addons, metricsServer: {} } })).toThrow(`Invalid taints ${JSON.stringify([noSchedule])}: ${allowed}`);
    expect(() => resolve({ nodeMinSize: 0, nodeDesiredSize: 0, taints: [noSchedule], addons })).toThrow(/^Invalid nodeDesiredSize 0: expected at least one node group/);
  });
});

describe('availabilityZones', () => {
  test('the same zone twice is refused (the settings carry zone names)', () => {
    expect(() => resolve({ availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1a'] })).toThrow(
      'Invalid availabilityZones "ap-northeast-1a": expected each value listed once (this one is listed more than once).');
  });

  test('EKS_UNSUPPORTED_ZONE_IDS: the zone IDs of the EKS User Guide', () => {
    expect(EKS_UNSUPPORTED_ZONE_IDS).toEqual({ 'us-east-1': ['use1-az3'], 'us-west-1': ['usw1-az2'], 'ca-central-1': ['cac1-az3'] });
  });

  test('checkEksZoneIds refuses a zone whose ID in the account is one EKS does not support, and passes the others', () => {
    const ids = { 'us-east-1a': 'use1-az6', 'us-east-1e': 'use1-az3' };
    expect(() => checkEksZoneIds('us-east-1', ['us-east-1a', 'us-east-1e'], ids)).toThrow(
      'Invalid availabilityZones "us-east-1e": expected zones where EKS can create a cluster: in this account us-east-1e is use1-az3, '
      + 'which EKS does not support for cluster subnets (us-east-1: not use1-az3); pick another zone letter.');
    expect(() => checkEksZoneIds('us-east-1', ['us-east-1a', 'us-east-1c'], { ...ids, 'us-east-1c': 'use1-az4' })).not.toThrow();
    expect(() => checkEksZoneIds('ap-northeast-1', ['ap-northeast-1a'], { 'ap-northeast-1a': 'apne1-az4' })).not.toThrow();
    expect(() => checkEksZoneIds('us-east-1', ['us-east-1e'], {})).not.toThrow();
  });
});
