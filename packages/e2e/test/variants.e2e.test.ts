import * as fs from 'fs';
import * as path from 'path';
import { parse as parseToml } from 'smol-toml';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { NO_AWS, run, scaffold } from '../src/scaffold';

jest.setTimeout(15 * 60 * 1000);

// A second configuration, far from the defaults: Graviton, on-demand, a bigger data volume
// given as flags to projen new, then a second node group added in .projenrc.ts.
describe('an arm64, on-demand team with two node groups', () => {
  let dir = '';
  const resources = (type: string) => {
    const template = parse(fs.readFileSync(path.join(dir, 'templates', 'nodegroup.yaml'), 'utf-8'));
    return Object.values<any>(template.Resources).filter((r) => r.Type === type).map((r) => r.Properties);
  };

  beforeAll(() => {
    dir = path.join(tempDir('e2e-variants'), 'arm-team');
    scaffold({ dir, args: ['--pj-prefix', 'e2e-arm', '--architecture', 'arm64', '--capacity-type', 'on-demand', '--data-volume-size', '50'] });
    const rc = path.join(dir, '.projenrc.ts');
    fs.writeFileSync(rc, fs.readFileSync(rc, 'utf-8').replace('pjPrefix: "e2e-arm",', [
      'pjPrefix: "e2e-arm",',
      '  extraNodegroups: [{',
      '    name: "system",',
      '    instanceTypes: ["m7g.large", "m6g.large"],',
      '    architecture: NodeArchitecture.ARM64,',
      '    minSize: 2, maxSize: 3, desiredSize: 2,',
      '    taints: [{ key: "CriticalAddonsOnly", effect: TaintEffect.NO_SCHEDULE }],',
      '    bottlerocket: { maxPods: 29 },',
      '  }],',
    ].join('\n')).replace('import { CapacityType, NodeArchitecture }', 'import { CapacityType, NodeArchitecture, TaintEffect }'));
    run(dir, 'npx', ['projen']);
    run(dir, 'npx', ['projen', 'build'], NO_AWS);
  });

  test('projen new wrote the enum flags as the members they name', () => {
    const rc = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
    expect(rc).toContain('architecture: NodeArchitecture.ARM64,');
    expect(rc).toContain('capacityType: CapacityType.ON_DEMAND,');
  });

  test('two node groups: the main one on-demand Graviton, the system one tainted', () => {
    const nodegroups = resources('AWS::EKS::Nodegroup');
    // EKS names carry a fingerprint of the create-only properties; the label keeps the stable name.
    expect(nodegroups.map((n) => [n.NodegroupName.replace(/-[0-9a-f]{8}$/, '-<fingerprint>'), n.Labels['bottlerocket-eks/nodegroup-name'],
      n.AmiType, n.CapacityType])).toEqual([
      ['e2e-arm-bottlerocket-ondemand-<fingerprint>', 'e2e-arm-bottlerocket-ondemand', 'BOTTLEROCKET_ARM_64', 'ON_DEMAND'],
      ['e2e-arm-system-<fingerprint>', 'e2e-arm-system', 'BOTTLEROCKET_ARM_64', 'SPOT'],
    ]);
    expect(nodegroups[0].InstanceTypes).toEqual(['m7g.xlarge', 'm6g.xlarge', 'm8g.xlarge', 'm6gd.xlarge', 'm7gd.xlarge']);
    expect(nodegroups[1]).toMatchObject({
      InstanceTypes: ['m7g.large', 'm6g.large'],
      ScalingConfig: { DesiredSize: 2, MinSize: 2, MaxSize: 3 },
      Taints: [{ Key: 'CriticalAddonsOnly', Effect: 'NO_SCHEDULE' }],
    });
  });

  test('each has its launch template: the main one with a 50 GiB data volume, the system one with max-pods', () => {
    const [main, system] = resources('AWS::EC2::LaunchTemplate');
    expect(main.LaunchTemplateName).toBe('e2e-arm-bottlerocket-ondemand');
    expect(main.LaunchTemplateData.BlockDeviceMappings[1]).toEqual({
      DeviceName: '/dev/xvdb', Ebs: { VolumeType: 'gp3', VolumeSize: 50, Encrypted: true, DeleteOnTermination: true },
    });
    expect(system.LaunchTemplateData.BlockDeviceMappings[1].Ebs.VolumeSize).toBe(20);
    expect(parseToml(system.LaunchTemplateData.UserData['Fn::Base64'])).toMatchObject({ settings: { kubernetes: { 'max-pods': 29 } } });
  });
});
