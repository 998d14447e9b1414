import { App, FileAssetPackaging } from 'aws-cdk-lib';
import { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { testApp } from './temp';
import { NetworkStack, Settings, toYaml } from '../src';
import { synthAll } from './helpers';

/** The largest template the CDK CLI sends inline (as YAML); above it, it needs the bootstrap bucket. */
const INLINE_TEMPLATE_LIMIT = 51_200;

const stackArtifacts = (app: App) => app.synth().artifacts.filter((a): a is CloudFormationStackArtifact => a instanceof CloudFormationStackArtifact);

describe('deploys need no cdk bootstrap', () => {
  const { app } = synthAll({ pjPrefix: 'team-a', region: 'eu-west-1', accountId: '123456789012' });
  const artifacts = stackArtifacts(app);

  test('no role to assume, no bootstrap check, no template asset: the CLI deploys as the caller', () => {
    expect(artifacts.map((a) => a.stackName).sort()).toEqual(['team-a-cluster', 'team-a-network', 'team-a-nodegroup']);
    for (const artifact of artifacts) {
      expect(artifact.assumeRoleArn).toBeUndefined();
      expect(artifact.cloudFormationExecutionRoleArn).toBeUndefined();
      expect(artifact.stackTemplateAssetObjectUrl).toBeUndefined();
      expect(artifact.requiresBootstrapStackVersion).toBeUndefined();
      expect(artifact.assets).toEqual([]);
      expect(artifact.template.Parameters?.BootstrapVersion).toBeUndefined();
      expect(artifact.template.Rules?.CheckBootstrapVersion).toBeUndefined();
    }
    expect(app.synth().artifacts.filter((a) => a.manifest.type === 'cdk:asset-manifest')).toEqual([]);
  });

  test('termination protection on the network and cluster stacks, by default and as an option', () => {
    const protectedStacks = (a: App) => stackArtifacts(a).filter((s) => s.terminationProtection).map((s) => s.stackName).sort();
    expect(protectedStacks(app)).toEqual(['team-a-cluster', 'team-a-network']);
    expect(protectedStacks(synthAll({ pjPrefix: 'team-a', terminationProtection: false }).app)).toEqual([]);
  });

  test('each template stays under the inline size limit, as YAML (what the CLI sends) and as JSON', () => {
    for (const artifact of artifacts) {
      expect(toYaml(artifact.template).length).toBeLessThan(INLINE_TEMPLATE_LIMIT);
      expect(JSON.stringify(artifact.template, undefined, 1).length).toBeLessThan(INLINE_TEMPLATE_LIMIT);
    }
  });

  test('the configured account and region are the environment; no lookup, so synth needs no credentials', () => {
    for (const artifact of artifacts) {
      expect(artifact.environment).toEqual({ account: '123456789012', region: 'eu-west-1', name: 'aws://123456789012/eu-west-1' });
    }
    const unpinned = stackArtifacts(synthAll({ pjPrefix: 'team-a', region: 'eu-west-1' }).app);
    for (const artifact of unpinned) expect(artifact.environment.account).toBe('unknown-account');
    // A context lookup would show up as a missing context value (and make the CLI call AWS).
    expect(app.synth().manifest.missing).toBeUndefined();
  });

  test('an asset fails at synth with a message saying why and what to do instead', () => {
    const stack = new NetworkStack(testApp(), 'Network', { settings: Settings.resolve({ pjPrefix: 'team-a' }) });
    expect(() => stack.synthesizer.addFileAsset({ sourceHash: 'abc', fileName: 'handler.zip', packaging: FileAssetPackaging.ZIP_DIRECTORY }))
      .toThrow('Asset handler.zip cannot be added: bottlerocket-eks stacks deploy without `cdk bootstrap`');
    expect(() => stack.synthesizer.addDockerImageAsset({ sourceHash: 'abc', directoryName: 'image' }))
      .toThrow('Asset image cannot be added');
  });
});
