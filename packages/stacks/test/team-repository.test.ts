// The library's side of the contract with the project type (the config package's
// team-repository.ts): what generated team files name must exist here, so a rename fails this
// test rather than a team's synth.
import * as fs from 'fs';
import * as path from 'path';
import {
  COMMAND_NAME, deploymentPaths, environmentSettingsFileName, SETTINGS_FILE_NAME, STACK_CLASS_NAMES, STACKS_PACKAGE, SYNTH_ENTRY,
} from 'bottlerocket-eks-config';
import { tempDir, testApp } from './temp';
import * as library from '../src';
import { readAssembly } from '../src/synth/assembly';
import { teamDeployments } from '../src/testing';

const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf-8'));

test('the library exports a stack class of each name the sample apps import, tagged with its kind', () => {
  const app = testApp({ builtinCloudFormationValidation: false });
  const settings = library.Settings.resolve({ pjPrefix: 'team-a' });
  for (const [kind, className] of Object.entries(STACK_CLASS_NAMES)) {
    const stackClass = (library as Record<string, unknown>)[className];
    expect({ className, exported: typeof stackClass }).toEqual({ className, exported: 'function' });
    expect((stackClass as Function).prototype).toBeInstanceOf(library.BottlerocketEksStack);
    new (stackClass as new (...args: any[]) => library.BottlerocketEksStack)(app, kind, { settings });
  }
  // The assembly's readers (templates, preflight) find each stack by the kind it is named for.
  const stacks = readAssembly(app.synth().directory)!;
  expect(stacks.map((s) => s.kind).sort()).toEqual(Object.keys(STACK_CLASS_NAMES).sort());
  for (const stack of stacks) expect(stack.stackName).toBe(`team-a-${stack.kind}`);
});

test('the package, its command and its synth entry are where the project type points', () => {
  expect(PACKAGE.name).toBe(STACKS_PACKAGE);
  expect(PACKAGE.bin[COMMAND_NAME]).toBe('lib/cli.js');
  // lib/ is built from src/: the entry's source must exist.
  expect(fs.existsSync(path.join(__dirname, '..', SYNTH_ENTRY.replace(/^lib\//, 'src/').replace(/\.js$/, '.ts')))).toBe(true);
});

describe('a team\'s tests find their deployments where the layout puts them', () => {
  test('the one deployment', () => {
    const root = tempDir('layout');
    fs.writeFileSync(path.join(root, SETTINGS_FILE_NAME), JSON.stringify({ pjPrefix: 'team-a' }));
    const [deployment] = teamDeployments(root);
    expect(deployment.assembly).toBe(path.join(root, deploymentPaths().assembly));
    expect(deployment.templates).toBe(path.join(root, deploymentPaths().templates));
  });

  test('an environment of several', () => {
    const root = tempDir('layout');
    for (const name of ['dev', 'prd']) {
      fs.writeFileSync(path.join(root, environmentSettingsFileName(name)), JSON.stringify({ pjPrefix: `team-a-${name}` }));
    }
    const deployments = teamDeployments(root);
    expect(deployments.map((d) => [d.environment, d.settings.pjPrefix])).toEqual([['dev', 'team-a-dev'], ['prd', 'team-a-prd']]);
    expect(deployments[1].assembly).toBe(path.join(root, deploymentPaths('prd').assembly));
    expect(deployments[1].templates).toBe(path.join(root, deploymentPaths('prd').templates));
  });
});
