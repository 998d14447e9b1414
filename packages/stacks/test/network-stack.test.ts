import { synthAll } from './helpers';

describe('NetworkStack', () => {
  test('builds a VPC with a public and a private subnet per zone and one NAT gateway by default', () => {
    const { templates, stacks } = synthAll({ pjPrefix: 'team-a' });
    const t = templates.network;
    expect(stacks.network.stackName).toBe('team-a-network');
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true });
    t.resourceCountIs('AWS::EC2::Subnet', 4);
    t.resourceCountIs('AWS::EC2::InternetGateway', 1);
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    t.hasResourceProperties('AWS::EC2::Subnet', {
      AvailabilityZone: 'ap-northeast-1a',
      CidrBlock: '10.0.0.0/19',
      Tags: [{ Key: 'bottlerocket-eks:pj-prefix', Value: 'team-a' }, { Key: 'bottlerocket-eks:stack', Value: 'network' },
        { Key: 'kubernetes.io/role/internal-elb', Value: '1' }, { Key: 'Name', Value: 'team-a-private-subnet-a' }],
    });
    t.hasResourceProperties('AWS::EC2::Subnet', {
      AvailabilityZone: 'ap-northeast-1c',
      CidrBlock: '10.0.200.0/22',
      Tags: [{ Key: 'bottlerocket-eks:pj-prefix', Value: 'team-a' }, { Key: 'bottlerocket-eks:stack', Value: 'network' },
        { Key: 'kubernetes.io/role/elb', Value: '1' }, { Key: 'Name', Value: 'team-a-public-subnet-c' }],
    });
  });

  test('private subnets route to the internet through NAT, public ones through the internet gateway', () => {
    const t = synthAll({ pjPrefix: 'team-a' }).templates.network.toJSON();
    const routes = Object.values(t.Resources).filter((r: any) => r.Type === 'AWS::EC2::Route') as any[];
    expect(routes.filter((r) => r.Properties.GatewayId)).toHaveLength(1);
    expect(routes.filter((r) => r.Properties.NatGatewayId)).toHaveLength(2);
  });

  test('one NAT gateway per zone on request, each private subnet using its own zone', () => {
    const t = synthAll({ pjPrefix: 'team-a', natGateways: 2, availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'] })
      .templates.network.toJSON();
    const nats = Object.keys(t.Resources).filter((k) => t.Resources[k].Type === 'AWS::EC2::NatGateway');
    expect(nats).toHaveLength(2);
    const natOfRoute = (id: string) => t.Resources[id].Properties.NatGatewayId.Ref;
    expect(natOfRoute('PrivateDefaultRouteA')).toBe('NatGatewayA');
    expect(natOfRoute('PrivateDefaultRouteC')).toBe('NatGatewayC');
  });

  test('each zone letter has fixed subnet slots: adding, removing or reordering zones moves no other subnet', () => {
    const cidrs = (zones: string[]) => {
      const t = synthAll({ pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: zones.map((z) => `eu-west-1${z}`) }).templates.network.toJSON();
      return Object.fromEntries(Object.entries<any>(t.Resources).filter(([, r]) => r.Type === 'AWS::EC2::Subnet')
        .map(([id, r]) => [id, `${r.Properties.AvailabilityZone} ${r.Properties.CidrBlock}`]));
    };
    const two = cidrs(['a', 'c']);
    expect(two).toEqual({
      PublicSubnetA: 'eu-west-1a 10.0.192.0/22',
      PublicSubnetC: 'eu-west-1c 10.0.200.0/22',
      PrivateSubnetA: 'eu-west-1a 10.0.0.0/19',
      PrivateSubnetC: 'eu-west-1c 10.0.64.0/19',
    });
    expect(cidrs(['c', 'b', 'a'])).toEqual({ ...two, PublicSubnetB: 'eu-west-1b 10.0.196.0/22', PrivateSubnetB: 'eu-west-1b 10.0.32.0/19' });
    expect(cidrs(['c', 'a'])).toEqual(two);
    const six = Object.values(cidrs(['a', 'b', 'c', 'd', 'e', 'f']));
    expect(new Set(six).size).toBe(12);
  });

  test('exports the VPC id and every subnet by zone letter', () => {
    const t = synthAll({ pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] })
      .templates.network;
    const names = Object.values(t.toJSON().Outputs).map((o: any) => o.Export.Name).sort();
    expect(names).toEqual([
      'team-a-private-subnet-a', 'team-a-private-subnet-b', 'team-a-private-subnet-c',
      'team-a-public-subnet-a', 'team-a-public-subnet-b', 'team-a-public-subnet-c', 'team-a-vpc-id',
    ]);
    t.hasOutput('*', { Export: { Name: 'team-a-private-subnet-b' }, Value: { Ref: 'PrivateSubnetB' } });
  });
});
