import { BottlerocketEksSettings, NodegroupUpdateStrategy, NodeRepairAction, SecurityProfile, Settings } from '../src';

const resolve = (settings: Partial<BottlerocketEksSettings>) => Settings.resolve({ pjPrefix: 'team-a', ...settings });

describe('releaseVersion', () => {
  test('takes a Bottlerocket release as EKS names it, per node group, and is unset by default (the latest)', () => {
    const { nodegroups } = resolve({ releaseVersion: '1.50.0-5c5b35b5', extraNodegroups: [{ name: 'system' }, { name: 'batch', releaseVersion: '1.47.0-6154605b' }] });
    expect(nodegroups.map((g) => g.releaseVersion)).toEqual(['1.50.0-5c5b35b5', undefined, '1.47.0-6154605b']);
  });

  test.each(['1.50.0', 'v1.50.0-5c5b35b5', '1.50-5c5b35b5', '1.50.0-5C5B35B5', '1.50.0-5c5b35b', 'latest'])('refuses %s', (version) => {
    expect(() => resolve({ releaseVersion: version })).toThrow(
      new RegExp(`^Invalid releaseVersion "${version}": expected a Bottlerocket release such as 1\\.50\\.0-5c5b35b5 .*or unset to follow the latest\\.$`));
  });

  test('names the extra group in the message', () => {
    expect(() => resolve({ extraNodegroups: [{ name: 'system', releaseVersion: '1.50' }] }))
      .toThrow(/^Invalid extraNodegroups\[0\]\.releaseVersion "1\.50": expected a Bottlerocket release/);
  });
});

describe('detailedMonitoring', () => {
  test('is off by default, on when asked, and on by default with the strict profile', () => {
    expect(resolve({}).nodegroups[0].detailedMonitoring).toBe(false);
    expect(resolve({ detailedMonitoring: true }).nodegroups[0].detailedMonitoring).toBe(true);
    expect(Settings.resolve({ pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT }).nodegroups[0].detailedMonitoring).toBe(true);
  });

  test('takes true or false only', () => {
    expect(() => resolve({ detailedMonitoring: 'yes' as any })).toThrow('Invalid detailedMonitoring "yes": expected true or false.');
  });

  test('needs a launch template, where it lives', () => {
    expect(() => resolve({ extraNodegroups: [{ name: 'plain', launchTemplate: false, detailedMonitoring: true }] })).toThrow(
      'Invalid extraNodegroups[0].launchTemplate false: expected true, because extraNodegroups[0].detailedMonitoring is set and lives in the launch template.');
  });
});

describe('ssmAccess and the control container', () => {
  test('on by default: the control container keeps its default (the settings are passed on as given)', () => {
    const settings = resolve({});
    expect(settings.ssmAccess).toBe(true);
    expect(settings.nodegroups[0].bottlerocket).toEqual({});
    expect(Settings.bottlerocketTree(settings.nodegroups[0].bottlerocket, 'bottlerocket').settings['host-containers'].control).toEqual({ enabled: true });
  });

  test('off turns the control container off in every group', () => {
    const settings = resolve({ ssmAccess: false, bottlerocket: { maxPods: 58 }, extraNodegroups: [{ name: 'system' }] });
    expect(settings.ssmAccess).toBe(false);
    expect(settings.nodegroups.map((g) => g.bottlerocket.controlContainer)).toEqual([false, false]);
    expect(settings.nodegroups[0].bottlerocket.maxPods).toBe(58);
    expect(Settings.bottlerocketTree(settings.nodegroups[1].bottlerocket, 'x').settings['host-containers'].control).toEqual({ enabled: false });
  });

  test('off with the control container asked for is refused, naming both', () => {
    expect(() => resolve({ ssmAccess: false, bottlerocket: { controlContainer: true } })).toThrow(
      /^Invalid bottlerocket\.controlContainer true: expected false or unset, because ssmAccess is false .*set ssmAccess: true/);
    expect(() => resolve({ ssmAccess: false, extraNodegroups: [{ name: 'system', bottlerocket: { controlContainer: true } }] }))
      .toThrow(/^Invalid extraNodegroups\[0\]\.bottlerocket\.controlContainer true: expected false or unset, because ssmAccess is false/);
    expect(resolve({ ssmAccess: false, bottlerocket: { controlContainer: false } }).nodegroups[0].bottlerocket.controlContainer).toBe(false);
  });

  test('off needs a launch template in every group (without one, Bottlerocket runs the control container)', () => {
    expect(() => resolve({ ssmAccess: false, extraNodegroups: [{ name: 'plain', launchTemplate: false }] })).toThrow(
      /^Invalid extraNodegroups\[0\]\.launchTemplate false: expected true, because ssmAccess is false/);
  });

  test('takes true or false only', () => {
    expect(() => resolve({ ssmAccess: 'no' as any })).toThrow('Invalid ssmAccess "no": expected true or false.');
  });
});

describe('updateStrategy', () => {
  test('is unset by default (EKS\'s own), and takes DEFAULT or MINIMAL per node group', () => {
    const { nodegroups } = resolve({ updateStrategy: NodegroupUpdateStrategy.MINIMAL, extraNodegroups: [{ name: 'system' }] });
    expect(nodegroups.map((g) => g.updateStrategy)).toEqual(['MINIMAL', undefined]);
  });

  test('refuses another value in one line', () => {
    expect(() => resolve({ extraNodegroups: [{ name: 'gpu', updateStrategy: 'FAST' as any }] }))
      .toThrow('Invalid extraNodegroups[0].updateStrategy "FAST": expected one of DEFAULT, MINIMAL.');
  });
});

describe('nodeRepair', () => {
  test('is unset by default (EKS\'s limits), and takes a count or a percentage of each limit', () => {
    expect(resolve({}).nodegroups[0].nodeRepair).toBeUndefined();
    expect(resolve({ nodeRepair: { maxUnhealthyNodeThresholdPercentage: 20, maxParallelNodesRepairedCount: 1 } }).nodegroups[0].nodeRepair)
      .toEqual({ maxUnhealthyNodeThresholdPercentage: 20, maxParallelNodesRepairedCount: 1 });
  });

  test.each<[string, BottlerocketEksSettings['nodeRepair'], string]>([
    ['both of a pair', { maxParallelNodesRepairedCount: 1, maxParallelNodesRepairedPercentage: 10 },
      'Invalid nodeRepair.maxParallelNodesRepairedPercentage 10: expected nothing while nodeRepair.maxParallelNodesRepairedCount is set '
      + '(EKS takes a count or a percentage, not both).'],
    ['a percentage over 100', { maxUnhealthyNodeThresholdPercentage: 150 },
      'Invalid nodeRepair.maxUnhealthyNodeThresholdPercentage 150: expected a whole number from 1 to 100.'],
    ['a count of 0', { maxUnhealthyNodeThresholdCount: 0 }, 'Invalid nodeRepair.maxUnhealthyNodeThresholdCount 0: expected a whole number from 1 to 1000.'],
  ])('refuses %s in one line', (_name, nodeRepair, message) => {
    expect(() => resolve({ nodeRepair })).toThrow(message);
  });

  test('overrides: a repair of its own per condition and reason, all four values required', () => {
    const override = { nodeMonitoringCondition: 'KernelReady', nodeUnhealthyReason: 'SoftLockup', minRepairWaitTimeMins: 15, repairAction: NodeRepairAction.REBOOT };
    expect(resolve({ nodeRepair: { overrides: [override] } }).nodegroups[0].nodeRepair).toEqual({ overrides: [override] });
    expect(() => resolve({ nodeRepair: { overrides: [{ ...override, repairAction: 'Restart' as any }] } }))
      .toThrow('Invalid nodeRepair.overrides[0].repairAction "Restart": expected one of Replace, Reboot, NoAction.');
    expect(() => resolve({ nodeRepair: { overrides: [{ ...override, minRepairWaitTimeMins: 0 }] } }))
      .toThrow('Invalid nodeRepair.overrides[0].minRepairWaitTimeMins 0: expected whole minutes, at least 1.');
    const { repairAction: _, ...withoutAction } = override;
    expect(() => resolve({ nodeRepair: { overrides: [withoutAction as any] } })).toThrow(/^Invalid nodeRepair\.overrides\[0\]\.repairAction undefined/);
    expect(() => resolve({ nodeRepair: { overrides: [override, { ...override, repairAction: NodeRepairAction.REPLACE }] } }))
      .toThrow('Invalid nodeRepair.overrides[1].nodeUnhealthyReason "SoftLockup": expected a reason no other override of KernelReady names.');
    expect(() => resolve({ nodeRepair: { overrides: [{ ...override, nodeMonitoringCondition: 'Kernel Ready' }] } }))
      .toThrow(/^Invalid nodeRepair\.overrides\[0\]\.nodeMonitoringCondition "Kernel Ready": expected a condition/);
    expect(() => resolve({ nodeRepair: { overrides: [] } })).toThrow(/^Invalid nodeRepair\.overrides \[\]: expected a list of/);
  });

  test('refuses an unknown limit, and limits without autoRepair', () => {
    expect(() => resolve({ nodeRepair: { maxNodes: 1 } as any })).toThrow(/nodeRepair\.maxNodes/);
    expect(() => resolve({ autoRepair: false, nodeRepair: { maxParallelNodesRepairedCount: 1 } }))
      .toThrow('Invalid autoRepair false: expected true, because nodeRepair limits node auto repair.');
  });
});
