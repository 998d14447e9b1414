import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { ExportNames } from 'bottlerocket-eks-config';
import { capture, run, scaffold } from '../src/scaffold';
import { readWiring } from '../src/wiring';

jest.setTimeout(15 * 60 * 1000);

/** Hash of every file projen or the team owns (no installs, caches or build output). */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (['node_modules', '.nx', 'cdk.out', 'templates'].includes(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else result[child] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, child))).digest('hex');
    }
  };
  walk('.');
  return result;
}

describe('a team scaffolds, builds and regenerates its repository', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bottlerocket-eks-e2e-')), 'team');
  const names = new ExportNames('e2e-team');
  const template = (kind: string) => parse(fs.readFileSync(path.join(dir, 'templates', `${kind}.yaml`), 'utf-8'));

  beforeAll(() => {
    scaffold({ dir, args: ['--pj-prefix', 'e2e-team'] });
    run(dir, 'npx', ['projen', 'build'], { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' });
  });

  test('projen new wrote the team layout with one install', () => {
    for (const file of ['.projenrc.ts', 'package.json', 'package-lock.json', 'nx.json', 'bottlerocket-eks.settings.json', 'README.md',
      'packages/network/project.json', 'packages/cluster/cdk.json', 'packages/nodegroup/src/main.ts']) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'packages/network/node_modules'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toContain('pjPrefix: "e2e-team"');
  });

  test('the node group template is the blog node group, wired by imports', () => {
    const ng = template('nodegroup');
    const [nodegroup] = Object.values<any>(ng.Resources).filter((r) => r.Type === 'AWS::EKS::Nodegroup');
    expect(nodegroup.Properties).toMatchObject({
      AmiType: 'BOTTLEROCKET_x86_64',
      CapacityType: 'SPOT',
      InstanceTypes: ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'],
      Labels: { role: 'worker' },
      ScalingConfig: { DesiredSize: 2, MinSize: 1, MaxSize: 4 },
      ClusterName: { 'Fn::ImportValue': names.clusterName },
      Subnets: [{ 'Fn::ImportValue': names.privateSubnet('a') }, { 'Fn::ImportValue': names.privateSubnet('c') }],
    });
  });

  test('every import resolves to an export of the network or cluster stack', () => {
    const { wires, unresolved } = readWiring(path.join(dir, 'templates'));
    expect(unresolved).toEqual([]);
    const importers = Object.fromEntries(wires.map((w) => [w.exportName, `${w.exportedBy} -> ${w.importedBy.join(',')}`]));
    expect(importers[names.privateSubnet('a')]).toBe('network -> cluster,nodegroup');
    expect(importers[names.clusterName]).toBe('cluster -> nodegroup');
  });

  test('nx knows the deploy order network -> cluster -> nodegroup', () => {
    const graphFile = path.join(dir, 'graph.json');
    capture(dir, 'npx', ['nx', 'graph', `--file=${graphFile}`]);
    const graph = JSON.parse(fs.readFileSync(graphFile, 'utf-8')).graph;
    fs.rmSync(graphFile);
    const deps = (p: string) => graph.dependencies[p].map((d: any) => d.target);
    expect(deps('network')).toEqual([]);
    expect(deps('cluster')).toEqual(['network']);
    expect(deps('nodegroup')).toEqual(['cluster']);
  });

  test('npx projen again changes nothing', () => {
    const before = snapshot(dir);
    run(dir, 'npx', ['projen']);
    expect(snapshot(dir)).toEqual(before);
  });

  test('an option changed in .projenrc.ts reaches the templates; team edits to main.ts survive', () => {
    const rc = path.join(dir, '.projenrc.ts');
    fs.writeFileSync(rc, fs.readFileSync(rc, 'utf-8').replace('pjPrefix: "e2e-team",', 'pjPrefix: "e2e-team",\n  nodeMaxSize: 7,'));
    const main = path.join(dir, 'packages/nodegroup/src/main.ts');
    const edited = `${fs.readFileSync(main, 'utf-8')}// team edit\n`;
    fs.writeFileSync(main, edited);
    run(dir, 'npx', ['projen']);
    run(dir, 'npx', ['projen', 'synth']);
    expect(fs.readFileSync(main, 'utf-8')).toBe(edited);
    const [nodegroup] = Object.values<any>(template('nodegroup').Resources).filter((r) => r.Type === 'AWS::EKS::Nodegroup');
    expect(nodegroup.Properties.ScalingConfig.MaxSize).toBe(7);
  });

  test('a bad option in .projenrc.ts fails npx projen with the settings message and leaves files as they were', () => {
    const rc = path.join(dir, '.projenrc.ts');
    const good = fs.readFileSync(rc, 'utf-8');
    const before = snapshot(dir);
    fs.writeFileSync(rc, good.replace('nodeMaxSize: 7,', 'nodeMaxSize: 0,'));
    let stderr = '';
    try {
      execFileSync('npx', ['projen'], { cwd: dir, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e: any) {
      stderr = `${e.stdout}${e.stderr}`;
    }
    expect(stderr).toContain('Invalid nodeMaxSize 0');
    fs.writeFileSync(rc, good);
    expect(snapshot(dir)).toEqual(before);
  });
});
