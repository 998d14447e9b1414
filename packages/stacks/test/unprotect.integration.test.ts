import * as fs from 'fs';
import * as path from 'path';
import { FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { CLUSTER, runAgainst, writeSettings } from './support/deployed-environment';
import { tempDir } from './temp';

// `bottlerocket-eks unprotect`, the first step of a confirmed destroy of the cluster, against a local AWS.
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'unprotect-transcripts.txt');
const transcripts: string[] = [];
const repo = tempDir('unprotect');
jest.setTimeout(60_000);

beforeAll(() => writeSettings(repo));
afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

async function unprotect(name: string, options: FakeAwsOptions, args: string[]) {
  const run = await runAgainst(repo, options, ['unprotect', ...args]);
  transcripts.push(`# ${name}\n${run.transcript}`);
  return { ...run, calls: run.requests.map((r) => `${r.service}:${r.action}`) };
}

const PROTECTED: FakeAwsOptions = { eksClusters: { [CLUSTER]: { version: '1.35', deletionProtection: true } } };

test('confirmed: turns the cluster\'s deletion protection off, waits for EKS\'s update, and says so; exit 0', async () => {
  const run = await unprotect('protected cluster', PROTECTED, ['--confirm=team-a']);
  expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: '' });
  expect(run.stderr).toMatch(/^Deletion protection of the EKS cluster team-a-cluster is off \(EKS update fake-config-update-1\): the destroy deletes it next\./);
  expect(run.calls).toEqual(['sts:GetCallerIdentity', 'eks:DescribeCluster', 'eks:UpdateClusterConfig', 'eks:DescribeUpdate']);
});

test('without --confirm: refused before any call that changes something; exit 1', async () => {
  const run = await unprotect('not confirmed', PROTECTED, []);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^Unprotect failed \(DESTROY_NOT_CONFIRMED\)/);
  expect(run.calls).not.toContain('eks:UpdateClusterConfig');
});

test('no cluster, or one not protected: left alone; exit 0', async () => {
  const none = await unprotect('no cluster', {}, ['--confirm=team-a']);
  expect({ status: none.status, stderr: none.stderr }).toEqual({ status: 0, stderr: 'No EKS cluster team-a-cluster: no deletion protection to turn off.\n' });
  const off = await unprotect('not protected', { eksClusters: { [CLUSTER]: { version: '1.35' } } }, ['--confirm=team-a']);
  expect({ status: off.status, stderr: off.stderr }).toEqual({ status: 0, stderr: 'Deletion protection of the EKS cluster team-a-cluster is already off.\n' });
  expect(off.calls).not.toContain('eks:UpdateClusterConfig');
});

test('an update EKS could not make: one line, nothing deleted; exit 1', async () => {
  const run = await unprotect('update failed', { eksClusters: { [CLUSTER]: { version: '1.35', deletionProtection: true, configUpdateOutcome: 'Failed' } } },
    ['--confirm=team-a']);
  expect(run.status).toBe(1);
  expect(run.stderr).toBe('Unprotect failed: EKS update fake-config-update-1 of team-a-cluster (deletion protection off) failed: '
    + 'Unknown: The update failed in this fake EKS. Nothing was deleted; see the update in the EKS console, then destroy again.\n');
});
