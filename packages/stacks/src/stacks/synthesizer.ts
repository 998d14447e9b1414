import { DockerImageAssetLocation, DockerImageAssetSource, FileAssetLocation, FileAssetSource, ISynthesisSession, StackSynthesizer } from 'aws-cdk-lib/core';

/**
 * Deploys with the caller's own credentials and needs no `cdk bootstrap`: the artifact names
 * no deploy or execution role (so the CLI assumes none and CloudFormation acts as the caller),
 * no bootstrap-version rule, and no template asset (the CLI sends templates under 50 KiB
 * inline). Assets would need the bootstrap bucket, so adding one fails at synth.
 *
 * `BootstraplessSynthesizer` is not this: it still names the `cdk-hnb659fds-*` roles.
 */
export class NoBootstrapSynthesizer extends StackSynthesizer {
  public addFileAsset(asset: FileAssetSource): FileAssetLocation {
    throw noAssets(asset.fileName ?? asset.sourceHash);
  }

  public addDockerImageAsset(asset: DockerImageAssetSource): DockerImageAssetLocation {
    throw noAssets(asset.directoryName ?? asset.sourceHash);
  }

  public synthesize(session: ISynthesisSession): void {
    this.synthesizeTemplate(session);
    this.emitArtifact(session);
  }
}

function noAssets(what: string): Error {
  return new Error(`Asset ${what} cannot be added: bottlerocket-eks stacks deploy without \`cdk bootstrap\`, so they carry `
    + 'no assets (no Lambda code, no files, no images). Put them in a stack of your own with the default synthesizer.');
}
