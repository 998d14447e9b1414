import { Fn } from 'aws-cdk-lib/core';
import { StackInputs } from './stack-inputs';

/**
 * Reads of earlier stacks, always through `Fn::ImportValue` of the export contract and
 * never through CDK's automatic cross-stack references, so that each stack deploys and
 * updates alone and the plain templates behave the same.
 */
export class StackImports {
  constructor(private readonly inputs: StackInputs) {}

  /** The private subnet ids of the network stack, one per zone. */
  public privateSubnetIds(): string[] {
    return this.inputs.zoneLetters.map((letter) => Fn.importValue(this.inputs.names.exports.privateSubnet(letter)));
  }

  /** The cluster name of the cluster stack. */
  public clusterName(): string {
    return Fn.importValue(this.inputs.names.exports.clusterName);
  }
}
