import { BottlerocketEksSettings, Settings } from '../src';

const PRIVATE = { 'eu-west-1a': 'subnet-0123456789abcdef0', 'eu-west-1c': 'subnet-0123456789abcdef1' };
const PUBLIC = { 'eu-west-1a': 'subnet-0123456789abcdef2', 'eu-west-1c': 'subnet-0123abcd' };
const OWN_VPC: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', vpcId: 'vpc-0123456789abcdef0', privateSubnetIds: PRIVATE };

const resolve = (settings: Partial<BottlerocketEksSettings>) => Settings.resolve({ ...OWN_VPC, ...settings });

describe('an existing VPC', () => {
  test('is absent by default: the network stack creates the VPC', () => {
    expect(Settings.resolve({ pjPrefix: 'team-a' }).existingVpc).toBeUndefined();
  });

  test('gives the VPC and subnet ids, and its zones become availabilityZones', () => {
    const settings = resolve({ publicSubnetIds: PUBLIC });
    expect(settings.existingVpc).toEqual({ vpcId: 'vpc-0123456789abcdef0', privateSubnetIds: PRIVATE, publicSubnetIds: PUBLIC });
    expect(settings.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1c']);
  });

  test('takes the short ids of older VPCs and subnets', () => {
    expect(resolve({ vpcId: 'vpc-0123abcd', privateSubnetIds: { 'eu-west-1b': 'subnet-0123abcd', 'eu-west-1a': 'subnet-4567ef01' } }).availabilityZones)
      .toEqual(['eu-west-1b', 'eu-west-1a']);
  });

  test('accepts availabilityZones when they are the zones of the subnets, in any order', () => {
    expect(resolve({ availabilityZones: ['eu-west-1c', 'eu-west-1a'] }).availabilityZones).toEqual(['eu-west-1c', 'eu-west-1a']);
  });

  test.each<[string, Partial<BottlerocketEksSettings>, string | RegExp]>([
    ['a VPC id of another shape', { vpcId: 'vpc-123' },
      'Invalid vpcId "vpc-123": expected a VPC id: vpc- and 8 or 17 hex digits, such as vpc-0123456789abcdef0.'],
    ['no private subnets', { privateSubnetIds: undefined }, /^Invalid privateSubnetIds undefined: expected the private subnet of each availability zone with vpcId/],
    ['one zone only', { privateSubnetIds: { 'eu-west-1a': 'subnet-0123456789abcdef0' } },
      /^Invalid privateSubnetIds \{"eu-west-1a":"subnet-0123456789abcdef0"\}: expected at least two availability zones/],
    ['a list instead of a map', { privateSubnetIds: ['subnet-0123456789abcdef0'] as any },
      /^Invalid privateSubnetIds \["subnet-0123456789abcdef0"\]: expected an object of availability zone to subnet id/],
    ['a zone of another region', { privateSubnetIds: { ...PRIVATE, 'eu-west-2b': 'subnet-0123456789abcdef9' } },
      'Invalid privateSubnetIds "eu-west-2b": expected zones of eu-west-1 with the letters a-f, such as eu-west-1a.'],
    ['a zone letter without a subnet slot', { privateSubnetIds: { ...PRIVATE, 'eu-west-1g': 'subnet-0123456789abcdef9' } },
      'Invalid privateSubnetIds "eu-west-1g": expected zones of eu-west-1 with the letters a-f, such as eu-west-1a.'],
    ['a subnet id of another shape', { privateSubnetIds: { ...PRIVATE, 'eu-west-1c': 'sg-0123456789abcdef1' } },
      'Invalid privateSubnetIds["eu-west-1c"] "sg-0123456789abcdef1": expected one subnet id: subnet- and 8 or 17 hex digits, such as subnet-0123456789abcdef0.'],
    ['a subnet in two zones', { privateSubnetIds: { 'eu-west-1a': 'subnet-0123456789abcdef0', 'eu-west-1b': 'subnet-0123456789abcdef0' } },
      /^Invalid privateSubnetIds "subnet-0123456789abcdef0": expected each subnet id listed once/],
    ['a subnet both private and public', { publicSubnetIds: { ...PUBLIC, 'eu-west-1a': PRIVATE['eu-west-1a'] } },
      /^Invalid publicSubnetIds "subnet-0123456789abcdef0": expected each subnet id listed once/],
    ['public subnets in other zones', { publicSubnetIds: { 'eu-west-1a': PUBLIC['eu-west-1a'], 'eu-west-1b': PUBLIC['eu-west-1c'] } },
      'Invalid publicSubnetIds ["eu-west-1a","eu-west-1b"]: expected the zones of privateSubnetIds (eu-west-1a, eu-west-1c), one public subnet each.'],
    ['vpcCidr', { vpcCidr: '10.1.0.0/16' },
      'Invalid vpcCidr "10.1.0.0/16": expected unset with vpcId (vpcCidr shapes the VPC the network stack creates; with vpcId it creates none).'],
    ['natGateways', { natGateways: 2 }, /^Invalid natGateways 2: expected unset with vpcId/],
    ['availabilityZones other than the subnets\' zones', { availabilityZones: ['eu-west-1a', 'eu-west-1b'] },
      'Invalid availabilityZones ["eu-west-1a","eu-west-1b"]: expected unset with vpcId (the zones are those of privateSubnetIds: eu-west-1a, eu-west-1c).'],
  ])('refuses %s', (_name, change, message) => {
    expect(() => resolve(change)).toThrow(message);
  });

  test.each(['privateSubnetIds', 'publicSubnetIds'] as const)('refuses %s without vpcId', (option) => {
    expect(() => Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1', [option]: PRIVATE })).toThrow(
      `Invalid ${option} ${JSON.stringify(PRIVATE)}: expected unset, or vpcId set too (the subnets belong to an existing VPC).`);
  });
});
