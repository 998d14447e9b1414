import * as fs from 'fs';
import * as path from 'path';
import { StackKind, STACK_KIND_TAG } from 'bottlerocket-eks-config';

/** One stack of this library in a synthesized cloud assembly. */
export interface AssemblyStack {
  readonly kind: StackKind;
  readonly stackName: string;
  /** The template, as the CDK CLI would send it. */
  readonly template: any;
}

/**
 * The bottlerocket-eks stacks of a cloud assembly (`cdk.out`), in the order the manifest
 * lists them; undefined when the folder holds no assembly.
 */
export function readAssembly(dir: string): AssemblyStack[] | undefined {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
  const stacks: AssemblyStack[] = [];
  for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
    const kind = artifact.type === 'aws:cloudformation:stack' ? artifact.properties?.tags?.[STACK_KIND_TAG] : undefined;
    if (!kind) continue;
    const template = JSON.parse(fs.readFileSync(path.join(dir, artifact.properties.templateFile), 'utf-8'));
    stacks.push({ kind, stackName: artifact.properties.stackName ?? artifact.displayName, template });
  }
  return stacks;
}
