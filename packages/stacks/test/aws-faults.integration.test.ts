import { ChildProcess, execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings } from '../src';
import { synthAll } from './helpers';
import { ACCOUNT, ALICE_IDENTITY, KEY, SECRET } from './support/alice';
import { Fault, FaultyAws } from './support/faulty-aws';
import { tempDir } from './temp';
import { autoScalingKeyStatements } from '../src/preflight/volume-key-check';

// The real command (`bottlerocket-eks preflight`, run from source by tsx) against a real HTTP
// server on 127.0.0.1 that misbehaves for one service (told apart by the SigV4 scope) and passes
// the other services' calls to the fake AWS. Small limits by environment variable, so each run
// takes seconds: every failure must be one `Preflight failed (CODE): ...` line and its fix, exit 1,
// no stack trace, within a bound.
const CLI = path.join(__dirname, '..', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'aws-fault-transcripts.txt');
const SETTINGS: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] };
const LIMITS = {
  BOTTLEROCKET_EKS_CONNECT_TIMEOUT: '1',
  BOTTLEROCKET_EKS_REQUEST_TIMEOUT: '1.5',
  BOTTLEROCKET_EKS_MAX_ATTEMPTS: '3',
  BOTTLEROCKET_EKS_DEADLINE: '20',
};
/** A run may take: 3 attempts of 1.5 s, backoff, tsx's start. */
const BOUND_SECONDS = 15;

jest.setTimeout(40_000);

/**
 * The settings a run deploys: the defaults, or wide ones that also make the preflight call
 * CloudWatch Logs (the control plane log group it would create) and KMS (the volume key's policy).
 */
type Setup = 'default' | 'wide';
const VOLUME_KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SETUPS: Record<Setup, BottlerocketEksSettings> = {
  default: SETTINGS,
  wide: { ...SETTINGS, logRetentionDays: 30, volumeKmsKeyArn: VOLUME_KEY },
};
/** A team repository (its settings file) and its synthesized cloud assembly, per setup. */
const repos: Record<Setup, { dir: string; assembly: string }> = {} as any;
const rows: string[] = [];
/** What a test started (a test may run the command more than once): stopped after it, even when it fails. */
const servers: Array<{ stop(): Promise<void> }> = [];
const children: ChildProcess[] = [];

beforeAll(() => {
  for (const [setup, settings] of Object.entries(SETUPS) as Array<[Setup, BottlerocketEksSettings]>) {
    const dir = tempDir(`aws-faults-${setup}`);
    fs.writeFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), JSON.stringify(settings));
    repos[setup] = { dir, assembly: synthAll(settings).app.synth().directory };
  }
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  // Front servers first: they forward to the fake AWS behind them.
  for (const server of servers.splice(0).reverse()) await server.stop();
});

afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, `${rows.join('\n')}\n`);
});

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Requests the faulty endpoint received, per service. */
  readonly counts: Record<string, number>;
}

/** Runs the preflight (of a deploy, with --assembly unless `identityOnly`) with `faults`, or against `endpoint`. */
interface RunOptions {
  readonly args?: string[];
  readonly env?: Record<string, string>;
  readonly endpoint?: string;
  readonly identityOnly?: boolean;
  /** Default `default`. */
  readonly setup?: Setup;
  /** The command run. Default `preflight`. */
  readonly command?: 'preflight' | 'status' | 'unprotect' | 'releases' | 'cost';
}

async function run(name: string, faults: Record<string, Fault>, options: RunOptions = {}): Promise<Run> {
  const { dir: repo, assembly } = repos[options.setup ?? 'default'];
  const fake = new FakeAws(ALICE_IDENTITY, [], {
    quotas: { 'vpc/L-F678F1CE': 5, 'ec2/L-0263D0A3': 5, 'eks/L-1194D53C': 100 },
    // The volume key lets the Auto Scaling service-linked role use it, as the preflight asks.
    kmsKeys: { [VOLUME_KEY]: { policy: { Version: '2012-10-17', Statement: autoScalingKeyStatements('aws', ACCOUNT) } } },
    // The Price List knows the EC2 offer (cost --live asks it).
    priceListProducts: [{ serviceCode: 'AmazonEC2', productFamily: 'Storage', usd: '0.0880000000', unit: 'GB-Mo', attributes: { regionCode: 'eu-west-1', volumeApiName: 'gp3' } }],
  });
  servers.push(fake);
  const faulty = new FaultyAws(await fake.start(), faults);
  servers.push(faulty);
  const endpoint = options.endpoint ?? await faulty.start();
  const command = options.command ?? 'preflight';
  const args = command === 'preflight'
    ? ['preflight', ...(options.identityOnly ? [] : ['--assembly', assembly]), ...options.args ?? []]
    : [command, ...options.args ?? []];
  const started = Date.now();
  const result = await new Promise<Omit<Run, 'seconds' | 'counts'>>((resolve) => {
    const child = execFile(process.execPath, ['--import', TSX, CLI, ...args], {
      cwd: repo,
      encoding: 'utf-8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        HOME: repo,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_REGION: 'eu-west-1',
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: KEY,
        AWS_SECRET_ACCESS_KEY: SECRET,
        ...LIMITS,
        ...options.env,
      },
    }, (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    children.push(child);
  });
  const seconds = (Date.now() - started) / 1000;
  const line = `${result.stdout}${result.stderr}`.split('\n').find((l) => /^(Preflight|Status|Unprotect|Releases|Cost) failed|^Preflight passed|^preflight ok|^Status of|^No EKS cluster|^Observed|^Monthly cost/.test(l)) ?? '';
  rows.push(`| ${name} | ${result.status} | ${seconds.toFixed(1)} | ${line} |`);
  return { ...result, seconds, counts: faulty.counts };
}

/** Exactly one `Preflight failed (code)` line, then its fix, and nothing else (no stack trace); exit 1, in time. */
function expectOneLine(result: Run, code: string): void {
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
  expect(result.stderr).toMatch(new RegExp(`^Preflight failed \\(${code}\\): [^\\n]+\\n {2}fix {8}[^\\n]+\\n$`));
  expect(result.stderr).not.toMatch(/^ {4}at /m);
  expect(result.seconds).toBeLessThan(BOUND_SECONDS);
}

describe.each(['sts', 'cloudformation'])('%s misbehaves', (service) => {
  const what = service === 'sts' ? 'STS GetCallerIdentity' : 'CloudFormation GetTemplate';

  test('hangs (never answers): AWS_TIMEOUT naming the service, the endpoint and how long', async () => {
    const result = await run(`${service} hangs`, { [service]: { kind: 'hang' } });
    expectOneLine(result, 'AWS_TIMEOUT');
    expect(result.stderr).toMatch(new RegExp(`${what} at http://127\\.0\\.0\\.1:\\d+ timed out: no answer within 1\\.5 s per attempt \\(3 attempts, \\d+\\.\\d s\\)\\.`));
    expect(result.seconds).toBeGreaterThan(4);
  });

  test('answers slowly, within the timeout: passes', async () => {
    const result = await run(`${service} answers after 0.8 s`, { [service]: { kind: 'slow', ms: 800 } });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('throttles twice, then answers: passes (the SDK retries)', async () => {
    const result = await run(`${service} throttles twice`, { [service]: { kind: 'throttle', times: 2 } });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.counts[service]).toBeGreaterThan(2);
  });

  test('throttles always: AWS_THROTTLED after the retries', async () => {
    const result = await run(`${service} throttles always`, { [service]: { kind: 'throttle' } });
    expectOneLine(result, 'AWS_THROTTLED');
    expect(result.stderr).toContain(`AWS throttled ${what} at http://127.0.0.1:`);
    expect(result.stderr).toContain('on every attempt (3 attempts');
  });

  test('a 500 HTML page (a proxy): AWS_BAD_ANSWER with status, content type and endpoint', async () => {
    const result = await run(`${service} 500 text/html`, { [service]: { kind: 'html-500' } });
    expectOneLine(result, 'AWS_BAD_ANSWER');
    expect(result.stderr).toMatch(new RegExp(`${what} at http://127\\.0\\.0\\.1:\\d+ got an answer that is not AWS's: HTTP 500 \\(text/html\\) \\(3 attempts`));
    expect(result.stderr).toContain('is a proxy in the way?');
  });

  test('503: AWS_BAD_ANSWER', async () => {
    const result = await run(`${service} 503`, { [service]: { kind: '503' } });
    expectOneLine(result, 'AWS_BAD_ANSWER');
    expect(result.stderr).toContain('HTTP 503 (text/plain)');
  });

  test('200 with a body neither XML nor JSON: AWS_BAD_ANSWER', async () => {
    const result = await run(`${service} 200 not XML`, { [service]: { kind: 'not-aws' } });
    expectOneLine(result, 'AWS_BAD_ANSWER');
    expect(result.stderr).toContain('HTTP 200 (text/plain)');
  });

  test('resets the connection in the middle of the body: unreachable, with the endpoint', async () => {
    const result = await run(`${service} resets mid-body`, { [service]: { kind: 'reset-mid-body' } });
    expectOneLine(result, service === 'sts' ? 'STS_UNREACHABLE' : 'AWS_UNREACHABLE');
    expect(result.stderr).toMatch(/at http:\/\/127\.0\.0\.1:\d+ (for GetTemplate )?\(ECONNRESET/);
  });
});

test('connection refused: STS_UNREACHABLE', async () => {
  const result = await run('connection refused', {}, { endpoint: 'http://127.0.0.1:9' });
  expectOneLine(result, 'STS_UNREACHABLE');
  expect(result.stderr).toContain('Could not reach STS at http://127.0.0.1:9 (ECONNREFUSED).');
});

test('a host name that does not resolve (.invalid): STS_UNREACHABLE naming the host', async () => {
  const result = await run('host name does not resolve', {}, { endpoint: 'http://aws.example.invalid' });
  expectOneLine(result, 'STS_UNREACHABLE');
  expect(result.stderr).toContain('Could not reach STS at http://aws.example.invalid (ENOTFOUND).');
});

test('CloudFormation denies one call: AWS_ACCESS_DENIED naming the IAM action', async () => {
  const result = await run('cloudformation AccessDenied', { cloudformation: { kind: 'error', status: 403, code: 'AccessDenied', message: 'User: alice is not authorized' } });
  expectOneLine(result, 'AWS_ACCESS_DENIED');
  expect(result.stderr).toContain('The credentials may not call cloudformation:GetTemplate');
});

test('the credentials expire mid-run (STS accepted them, CloudFormation says ExpiredToken): CREDENTIALS_EXPIRED', async () => {
  const result = await run('cloudformation ExpiredToken', { cloudformation: { kind: 'error', status: 400, code: 'ExpiredToken', message: 'The security token included in the request is expired' } });
  expectOneLine(result, 'CREDENTIALS_EXPIRED');
});

test('an error the product does not know: AWS_ERROR with status and request id; --debug adds the details', async () => {
  const fault: Fault = { kind: 'error', status: 400, code: 'SomethingNew', message: 'A new kind of error' };
  const result = await run('cloudformation unknown error', { cloudformation: fault });
  expectOneLine(result, 'AWS_ERROR');
  expect(result.stderr).toContain('CloudFormation GetTemplate at http://127.0.0.1:');
  expect(result.stderr).toContain('failed: SomethingNew: A new kind of error (HTTP 400, request id fault-request-id).');
  expect(result.stderr).toContain('run with --debug (or BOTTLEROCKET_EKS_DEBUG=1) for details');
  const debug = await run('cloudformation unknown error, --debug', { cloudformation: fault }, { args: ['--debug'] });
  expect(debug.status).toBe(1);
  expect(debug.stderr).toMatch(/^ {4}at /m);
});

test('--json: the same failure for scripts, on stdout', async () => {
  const result = await run('cloudformation 500 text/html, --json', { cloudformation: { kind: 'html-500' } }, { args: ['--json'] });
  expect(result.status).toBe(1);
  expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'AWS_BAD_ANSWER', fix: expect.stringContaining('proxy') } });
});

test('the deadline ends the whole command, naming the call it waited for (flags over environment)', async () => {
  const result = await run('sts hangs, --deadline 3', { sts: { kind: 'hang' } }, { args: ['--request-timeout', '30', '--deadline', '3'] });
  expectOneLine(result, 'AWS_TIMEOUT');
  expect(result.stderr).toMatch(/did not finish within its deadline of 3 s, still waiting for STS GetCallerIdentity at http:\/\/127\.0\.0\.1:\d+\./);
  expect(result.seconds).toBeLessThan(8);
});

/** Each fault of a service, and the code of the one line it must end in (undefined: the run passes). */
const FAULTS: Array<[string, Fault, string | undefined]> = [
  ['hangs', { kind: 'hang' }, 'AWS_TIMEOUT'],
  ['answers after 0.8 s', { kind: 'slow', ms: 800 }, undefined],
  ['throttles twice', { kind: 'throttle', times: 2 }, undefined],
  ['throttles always', { kind: 'throttle' }, 'AWS_THROTTLED'],
  ['answers a 500 HTML page', { kind: 'html-500' }, 'AWS_BAD_ANSWER'],
  ['answers 503', { kind: '503' }, 'AWS_BAD_ANSWER'],
  ['answers 200, not XML or JSON', { kind: 'not-aws' }, 'AWS_BAD_ANSWER'],
  ['resets mid-body', { kind: 'reset-mid-body' }, 'AWS_UNREACHABLE'],
];

// The deploy checks call these services too, side by side, so several calls may fail at once:
// the first failure is the one line, and a check that turns a denied call into a warning must
// not turn AWS's other failures into a passed preflight. CloudWatch Logs and KMS are called only
// for settings that use them (the control plane log group's retention, a volume key): those run
// with the wide settings.
describe.each<[string, Setup]>([['ec2', 'default'], ['eks', 'default'], ['servicequotas', 'default'], ['logs', 'wide'], ['kms', 'wide']])(
  '%s, called by the deploy checks, misbehaves', (service, setup) => {
    test.each(FAULTS)('%s', async (name, fault, code) => {
      const result = await run(`${service} ${name}`, { [service]: fault }, { args: ['--brief'], setup });
      expect(result.counts[service]).toBeGreaterThan(0);
      expect(result.stderr).not.toMatch(/^ {4}at /m);
      expect(result.seconds).toBeLessThan(BOUND_SECONDS);
      if (code === undefined) {
        expect({ status: result.status, failed: result.stderr.match(/^Preflight failed.*/m)?.[0] }).toEqual({ status: 0, failed: undefined });
        return;
      }
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^Preflight failed \\(${code}\\): `, 'm'));
      expect(result.stderr.match(/^Preflight failed/gm)).toHaveLength(1);
      // AWS's own message may end with a full stop (EC2's RequestLimitExceeded does): one, not two.
      expect(result.stderr).not.toMatch(/\.\.$/m);
    });
  });

// The commands after a deploy go through the same clients: SSM (the newest Bottlerocket release,
// which status reads even before anything is deployed, and the releases published, which the
// release train lists) and the Price List (cost --live) with every fault, and EKS for unprotect.
// A service the preflight's matrix already runs through every fault gets three of them here.
describe.each<[string, 'status' | 'unprotect' | 'releases' | 'cost', string[], string, string, 'every' | 'some']>([
  ['ssm', 'status', ['--no-drift'], 'Status', 'Status of team-a', 'every'],
  ['ssm', 'releases', ['--observe', 'observation.json'], 'Releases', 'Observed team-a', 'every'],
  ['eks', 'releases', ['--observe', 'observation.json'], 'Releases', 'Observed team-a', 'some'],
  ['pricing', 'cost', ['--live'], 'Cost', 'Monthly cost estimate', 'every'],
  ['ec2', 'cost', ['--live'], 'Cost', 'Monthly cost estimate', 'some'],
  ['eks', 'unprotect', ['--confirm=team-a'], 'Unprotect', 'No EKS cluster team-a-cluster', 'some'],
])('%s, read by %s, misbehaves', (service, command, args, title, passed, faults) => {
  test.each(FAULTS.filter(([, fault]) => faults === 'every' || ['hang', 'throttle', '503'].includes(fault.kind)))('%s', async (name, fault, code) => {
    const result = await run(`${command}: ${service} ${name}`, { [service]: fault }, { command, args });
    expect(result.counts[service]).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/^ {4}at /m);
    expect(result.seconds).toBeLessThan(BOUND_SECONDS);
    if (code === undefined) {
      expect(`${result.stdout}${result.stderr}`).toContain(passed);
      expect(result.stderr).not.toMatch(new RegExp(`^${title} failed`, 'm'));
      return;
    }
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${title} failed \\(${code}\\): [^\\n]+\\n {2}fix {8}[^\\n]+\\n$`));
  });
});

test('Node 20: one line says it is past its end of life, never the SDK\'s NodeVersionSupportWarning', async () => {
  const result = await run('node version notice', {}, { identityOnly: true, env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: '' } });
  expect(result.status).toBe(0);
  expect(result.stderr).not.toContain('NodeVersionSupportWarning');
  if (Number(process.versions.node.split('.')[0]) < 22) {
    expect(result.stderr).toBe(`Note: Node ${process.versions.node} is past its end of life (since April 2026); bottlerocket-eks supports Node 22 and 24: `
      + 'please upgrade (for example `nvm install 24`).\n');
  } else {
    expect(result.stderr).toBe('');
  }
});
