import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CfnOutput, Validations } from 'aws-cdk-lib/core';
import { Cidr, StackKind } from 'bottlerocket-eks-config';
import { Construct } from 'constructs';
import { BottlerocketEksStack, BottlerocketEksStackProps } from './base-stack';
import { exportExistingVpc } from './existing-vpc-exports';

/** Props of the network stack: the resolved settings (see `BottlerocketEksStackProps`). */
export interface NetworkStackProps extends BottlerocketEksStackProps {}

/**
 * `<prefix>-network`: a VPC with one public and one private subnet per zone, an internet
 * gateway and NAT gateways (one, or one per zone). Exports the VPC id and every subnet id
 * by zone letter; the subnets carry the tags Kubernetes load balancers look for.
 *
 * Written with L1 resources so that nothing is looked up at synth time: the zones come
 * from the settings, and the template deploys as it is.
 */
export class NetworkStack extends BottlerocketEksStack {
  /** The VPC; none when the team brings its own (`vpcId`), whose ids are then exported as they are. */
  public readonly vpc?: ec2.CfnVPC;
  /** Private subnets by zone letter: where nodes and the cluster's network interfaces go. */
  public readonly privateSubnets: Record<string, ec2.CfnSubnet> = {};
  /** Public subnets by zone letter: NAT gateways and internet-facing load balancers. */
  public readonly publicSubnets: Record<string, ec2.CfnSubnet> = {};

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, StackKind.NETWORK, props);
    const { settings, pjPrefix, names, zoneLetters } = this.inputs;
    if (settings.existingVpc) {
      exportExistingVpc(this, settings.existingVpc, this.inputs);
      return;
    }
    const exportNames = names.exports;
    const name = (suffix: string) => [{ key: 'Name', value: `${pjPrefix}-${suffix}` }];

    const vpc = new ec2.CfnVPC(this, 'Vpc', {
      cidrBlock: settings.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: name('vpc'),
    });
    this.vpc = vpc;
    const igw = new ec2.CfnInternetGateway(this, 'InternetGateway', { tags: name('igw') });
    const attachment = new ec2.CfnVPCGatewayAttachment(this, 'InternetGatewayAttachment', {
      vpcId: vpc.ref,
      internetGatewayId: igw.ref,
    });

    const publicRoutes = new ec2.CfnRouteTable(this, 'PublicRouteTable', { vpcId: vpc.ref, tags: name('public') });
    new ec2.CfnRoute(this, 'PublicDefaultRoute', {
      routeTableId: publicRoutes.ref,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: igw.ref,
    }).addResourceDependency(attachment);

    // Each zone letter has fixed subnet slots (see Cidr), so adding a zone moves no subnet.
    const natGateways: ec2.CfnNatGateway[] = [];
    zoneLetters.forEach((letter, i) => {
      const zone = letter.toUpperCase();
      const availabilityZone = this.inputs.availabilityZone(letter);
      const pub = new ec2.CfnSubnet(this, `PublicSubnet${zone}`, {
        vpcId: vpc.ref,
        availabilityZone,
        cidrBlock: Cidr.publicSubnet(settings.vpcCidr, letter),
        mapPublicIpOnLaunch: false,
        tags: [...name(`public-subnet-${letter}`), { key: 'kubernetes.io/role/elb', value: '1' }],
      });
      new ec2.CfnSubnetRouteTableAssociation(this, `PublicSubnet${zone}Routes`, {
        subnetId: pub.ref,
        routeTableId: publicRoutes.ref,
      });
      this.publicSubnets[letter] = pub;
      if (i < settings.natGateways) {
        const eip = new ec2.CfnEIP(this, `NatEip${zone}`, { domain: 'vpc', tags: name(`nat-${letter}`) });
        eip.addResourceDependency(attachment);
        natGateways.push(new ec2.CfnNatGateway(this, `NatGateway${zone}`, {
          subnetId: pub.ref,
          allocationId: eip.attrAllocationId,
          tags: name(`nat-${letter}`),
        }));
      }
    });

    zoneLetters.forEach((letter, i) => {
      const zone = letter.toUpperCase();
      const priv = new ec2.CfnSubnet(this, `PrivateSubnet${zone}`, {
        vpcId: vpc.ref,
        availabilityZone: this.inputs.availabilityZone(letter),
        cidrBlock: Cidr.privateSubnet(settings.vpcCidr, letter),
        tags: [...name(`private-subnet-${letter}`), { key: 'kubernetes.io/role/internal-elb', value: '1' }],
      });
      const routes = new ec2.CfnRouteTable(this, `PrivateRouteTable${zone}`, { vpcId: vpc.ref, tags: name(`private-${letter}`) });
      new ec2.CfnRoute(this, `PrivateDefaultRoute${zone}`, {
        routeTableId: routes.ref,
        destinationCidrBlock: '0.0.0.0/0',
        // With one NAT gateway per zone each zone uses its own; otherwise all share the first.
        natGatewayId: natGateways[i % natGateways.length].ref,
      });
      new ec2.CfnSubnetRouteTableAssociation(this, `PrivateSubnet${zone}Routes`, { subnetId: priv.ref, routeTableId: routes.ref });
      this.privateSubnets[letter] = priv;
    });

    Validations.of(vpc).acknowledge({
      id: 'AwsSolutions-VPC7',
      reason: 'Flow logs are not part of the blog\'s VPC and bill log ingestion; teams that need them attach an '
        + 'AWS::EC2::FlowLog to the exported VPC id',
    });

    // Subnet exports are named by zone letter, so each subnet sits in the zone the settings name.
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'zones come from the settings (or the deployed region plus a letter); exports are named after them',
    });

    new CfnOutput(this, 'VpcId', { value: vpc.ref, exportName: exportNames.vpcId });
    for (const letter of zoneLetters) {
      const zone = letter.toUpperCase();
      new CfnOutput(this, `PrivateSubnet${zone}Id`, { value: this.privateSubnets[letter].ref, exportName: exportNames.privateSubnet(letter) });
      new CfnOutput(this, `PublicSubnet${zone}Id`, { value: this.publicSubnets[letter].ref, exportName: exportNames.publicSubnet(letter) });
    }
  }
}
