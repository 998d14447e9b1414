import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { BottlerocketEksSettings, ResourceNames, Settings } from 'bottlerocket-eks-config';
import { FakeAws, FakeAwsOptions, ReceivedRequest } from 'bottlerocket-eks-test-support';
import type { CommandIo } from '../../src/process/io';
import { templatesByStackName } from '../helpers';

// A deployed environment in a local AWS, and the command run against it as a user runs it
// (from source, by tsx), with the real SDK clients and nothing of this machine's AWS setup.
const CLI = path.join(__dirname, '..', '..', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

export const ACCOUNT = '123456789012';
export const KEY = 'AKIAALICEEXAMPLE0001';
export const SETTINGS: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', accountId: ACCOUNT, kubernetesVersion: '1.35' };
export const NAMES = new ResourceNames('team-a');
export const CLUSTER = NAMES.cluster();
/** The EKS name of the main node group of `SETTINGS` (its template's). */
export const NODEGROUP = 'team-a-bottlerocket-spot-2114074d';
export const RELEASE = '1.51.0-47438798';
export const PARAMETER = '/aws/service/bottlerocket/aws-k8s-1.35/x86_64/latest/image_version';

/** An environment deployed exactly as `SETTINGS` say, healthy, on the newest Bottlerocket release. */
export function deployed(overrides: Partial<FakeAwsOptions> = {}): FakeAwsOptions {
  const resolved = Settings.resolve(SETTINGS);
  const templates = templatesByStackName(SETTINGS);
  const installed = Object.fromEntries(resolved.addons.map((a) => [a.name, a.version ?? 'v1.0.0-eksbuild.1']));
  return {
    stacks: Object.fromEntries(Object.entries(templates).map(([name, template]) => [name, {
      template, status: 'UPDATE_COMPLETE', lastUpdatedTime: new Date('2026-11-20T09:00:00Z'),
    }])),
    eksClusters: {
      [CLUSTER]: {
        version: '1.35',
        platformVersion: 'eks.12',
        nodegroups: { [NODEGROUP]: { version: '1.35', releaseVersion: RELEASE, scaling: { min: 1, max: 4, desired: 2 } } },
        insights: [{ id: 'a1b2c3', name: 'Kubernetes API deprecations', kubernetesVersion: '1.36', status: 'PASSING' }],
      },
    },
    installedAddons: { [CLUSTER]: installed },
    clusterVersions: [{ clusterVersion: '1.35', endOfStandardSupportDate: new Date('2027-03-27T00:00:00Z') }],
    ssmParameters: { [PARAMETER]: RELEASE },
    ...overrides,
  };
}

/** What a run printed, how it ended, and what the local AWS received. */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: ReceivedRequest[];
  /** The run as a transcript: the command line, its output, its exit code. */
  readonly transcript: string;
}

/**
 * Runs `bottlerocket-eks <args>` in `cwd` against a local AWS holding `options` (stopped
 * afterwards); `unreachable`: against the endpoint of one already stopped (connection refused).
 */
export async function runAgainst(cwd: string, options: FakeAwsOptions, args: string[], unreachable = false): Promise<CliRun> {
  const aws = new FakeAws({ [KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` } }, [], options);
  const endpoint = await aws.start();
  if (unreachable) await aws.stop();
  try {
    const result = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', TSX, CLI, ...args], {
        cwd,
        encoding: 'utf-8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: cwd,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          AWS_REGION: 'eu-west-1',
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: KEY,
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        },
      }, (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
    const transcript = `$ bottlerocket-eks ${args.join(' ')}\n${result.stdout}${result.stderr}exit ${result.status}\n`;
    return { ...result, requests: aws.requests, transcript };
  } finally {
    if (!unreachable) await aws.stop();
  }
}

/** Writes `SETTINGS` as the repository's settings file in `dir`. */
export function writeSettings(dir: string, settings: BottlerocketEksSettings = SETTINGS): void {
  fs.writeFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), JSON.stringify(settings));
}

/**
 * For each test of the calling suite: a local AWS holding `options()`, and this process's
 * environment pointed at it (put back and stopped after the test), for commands run in-process.
 */
export function localAwsForEachTest(options: () => FakeAwsOptions): void {
  const env = {
    AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: 'x', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  let saved: NodeJS.ProcessEnv;
  let aws: FakeAws;
  beforeEach(async () => {
    aws = new FakeAws({ [KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` } }, [], options());
    saved = { ...process.env };
    Object.assign(process.env, env, { AWS_ENDPOINT_URL: await aws.start(), AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
  });
  afterEach(async () => {
    process.env = saved;
    await aws.stop();
  });
}

/** Runs a command in this process with `dir` as its working directory: its exit code and what it wrote. */
export async function runInProcess(dir: string, command: (io: CommandIo) => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: process.env };
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { code: await command(io), out, err };
  } finally {
    process.chdir(cwd);
  }
}
