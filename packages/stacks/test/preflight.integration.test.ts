import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { tempDir } from './temp';

// The real command (`bottlerocket-eks preflight`, run from source by tsx) with the real STS
// client, its default credential chain fed by fake static keys, and AWS_ENDPOINT_URL_STS
// pointing at a local STS that answers the XML AWS answers.
const CLI = path.join(__dirname, '..', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'preflight-transcripts.txt');

const ACCOUNT = '123456789012';
const KEYS = { alice: 'AKIAALICEEXAMPLE0001', other: 'AKIAOTHEREXAMPLE0002', expired: 'ASIAEXPIREDEXAMPLE03', unknown: 'AKIAUNKNOWNEXAMPLE04' };
const fakeSts = new FakeAws({
  [KEYS.alice]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
  [KEYS.other]: { account: '210987654321', arn: 'arn:aws:sts::210987654321:assumed-role/Admin/alice' },
}, [KEYS.expired]);
const repo = tempDir('preflight');
let endpoint = '';
const transcripts: string[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  endpoint = await fakeSts.start();
  fs.writeFileSync(path.join(repo, 'bottlerocket-eks.settings.json'),
    JSON.stringify({ pjPrefix: 'team-a', region: 'eu-west-1', accountId: ACCOUNT }));
});

afterAll(async () => {
  await fakeSts.stop();
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

/**
 * Runs the preflight as a user would, with nothing of this machine's AWS setup leaking in.
 * Asynchronously: the fake STS answers from this very process.
 */
async function preflight(name: string, env: Record<string, string>, args: string[] = [], cwd = repo) {
  const result = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', TSX, CLI, 'preflight', ...args], {
      cwd,
      encoding: 'utf-8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        HOME: repo, // no ~/.aws of the developer
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_REGION: 'eu-west-1',
        AWS_ENDPOINT_URL_STS: endpoint,
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        ...env,
      },
    }, (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
  transcripts.push(`$ bottlerocket-eks preflight ${args.join(' ')}   # ${name}\n${result.stdout}${result.stderr}exit ${result.status}\n`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('success: the account, caller, partition, region and stacks, exit 0', async () => {
  const { status, stdout, stderr } = await preflight('credentials of the team account', { AWS_ACCESS_KEY_ID: KEYS.alice });
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  expect(stdout).toBe([
    'Preflight passed: deploy of team-a would create or update',
    '  account    123456789012  (matches accountId)',
    '  caller     arn:aws:iam::123456789012:user/alice',
    '  partition  aws',
    '  region     eu-west-1  (from AWS_REGION)',
    '  stacks     team-a-network, team-a-cluster, team-a-nodegroup  (in this order)',
    '',
  ].join('\n'));
  // What the real client sent: a SigV4-signed query-protocol POST for the team's region.
  const request = fakeSts.requests[fakeSts.requests.length - 1];
  expect(request.method).toBe('POST');
  expect(new URLSearchParams(request.body).get('Action')).toBe('GetCallerIdentity');
  expect(request.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEYS.alice}/\\d{8}/eu-west-1/sts/aws4_request`));
});

test('success as JSON, for scripts', async () => {
  const { status, stdout } = await preflight('--json', { AWS_ACCESS_KEY_ID: KEYS.alice }, ['--json']);
  expect(status).toBe(0);
  expect(JSON.parse(stdout)).toEqual({
    ok: true,
    operation: 'deploy',
    pjPrefix: 'team-a',
    account: ACCOUNT,
    callerArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    partition: 'aws',
    region: 'eu-west-1',
    regionSource: 'AWS_REGION',
    accountPinned: true,
    stacks: ['team-a-network', 'team-a-cluster', 'team-a-nodegroup'],
  });
});

test('wrong account: exit 1, the caller and what to do', async () => {
  const { status, stdout, stderr } = await preflight('credentials of another account', { AWS_ACCESS_KEY_ID: KEYS.other });
  expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
  expect(stderr).toBe([
    "Preflight failed (ACCOUNT_MISMATCH): The credentials are for account 210987654321, but the team's accountId is 123456789012.",
    '  caller     arn:aws:sts::210987654321:assumed-role/Admin/alice',
    '  fix        Use credentials of account 123456789012 (for example `export AWS_PROFILE=<a profile of that account>`), '
      + 'or change accountId in .projenrc.ts and run `npx projen` if this account is right.',
    '',
  ].join('\n'));
});

test('expired token (STS answers 400 ExpiredToken): exit 1', async () => {
  const { status, stderr } = await preflight('expired session token', { AWS_ACCESS_KEY_ID: KEYS.expired, AWS_SESSION_TOKEN: 'expired-token' });
  expect(status).toBe(1);
  expect(stderr).toContain('Preflight failed (CREDENTIALS_REJECTED): AWS rejected the credentials: the session token has expired '
    + '(ExpiredToken: The security token included in the request is expired).');
  expect(stderr).toContain('aws sso login --profile <profile>');
});

test('unknown access key (STS answers 403 InvalidClientTokenId): exit 1', async () => {
  const { status, stderr } = await preflight('unknown access key', { AWS_ACCESS_KEY_ID: KEYS.unknown });
  expect(status).toBe(1);
  expect(stderr).toContain('Preflight failed (CREDENTIALS_REJECTED): AWS rejected the credentials: the access key id is not known to AWS '
    + '(deleted, mistyped, or from another partition) (InvalidClientTokenId: The security token included in the request is invalid.).');
});

test('no credentials at all: exit 1 without asking STS', async () => {
  const before = fakeSts.requests.length;
  const { status, stderr } = await preflight('no credentials', { AWS_SECRET_ACCESS_KEY: '' });
  expect(status).toBe(1);
  expect(stderr).toMatch(/^Preflight failed \(NO_CREDENTIALS\): No AWS credentials found/);
  expect(fakeSts.requests.length).toBe(before);
});

test('another region in the shell: exit 1 without asking STS', async () => {
  const before = fakeSts.requests.length;
  const { status, stderr } = await preflight('AWS_REGION=us-east-1', { AWS_ACCESS_KEY_ID: KEYS.alice, AWS_REGION: 'us-east-1' });
  expect(status).toBe(1);
  expect(stderr).toContain("Preflight failed (REGION_MISMATCH): This shell points at region us-east-1 (from AWS_REGION), but the team's region is eu-west-1.");
  expect(fakeSts.requests.length).toBe(before);
});

test('STS unreachable: exit 1 naming the endpoint', async () => {
  const { status, stderr } = await preflight('nothing listens', { AWS_ACCESS_KEY_ID: KEYS.alice, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' });
  expect(status).toBe(1);
  expect(stderr).toContain('Preflight failed (STS_UNREACHABLE): Could not reach STS at http://127.0.0.1:9 (ECONNREFUSED).');
});

test('destroy without confirmation is refused; with it, the stacks in reverse order', async () => {
  const refused = await preflight('destroy, unconfirmed', { AWS_ACCESS_KEY_ID: KEYS.alice }, ['--destroy']);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('Refusing to destroy team-a-nodegroup, team-a-cluster, team-a-network: no --confirm given.');
  // A confirmed destroy reads the stacks' states (CloudFormation DescribeStacks): the fake has none.
  const confirmed = await preflight('destroy, confirmed', { AWS_ACCESS_KEY_ID: KEYS.alice, AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint },
    ['--destroy', '--confirm=team-a', '--brief']);
  expect(confirmed.status).toBe(0);
  expect(confirmed.stdout).toBe(`preflight ok: destroy team-a into account ${ACCOUNT} (arn:aws:iam::${ACCOUNT}:user/alice), region eu-west-1, partition aws\n`);
});

test('wrong usage exits 2 with the help; a missing settings file exits 1 with its own message', async () => {
  const usage = await preflight('unknown flag', { AWS_ACCESS_KEY_ID: KEYS.alice }, ['--yes']);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toMatch(/^Unknown option '--yes'.*\n\nUsage: bottlerocket-eks preflight \[--json/s);
  const missing = await preflight('missing settings', { AWS_ACCESS_KEY_ID: KEYS.alice }, ['--settings', 'nope.json']);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toBe('Settings file nope.json does not exist.\n');
});

test('several environments: each is checked against its own account, and one must be named', async () => {
  const environments = tempDir('environments');
  const write = (name: string, settings: object) => fs.writeFileSync(path.join(environments, `bottlerocket-eks.${name}.settings.json`), JSON.stringify(settings));
  write('dev', { pjPrefix: 'team-a-dev', region: 'eu-west-1', accountId: ACCOUNT });
  write('prd', { pjPrefix: 'team-a-prd', region: 'eu-west-1', accountId: '210987654321' });
  const alice = { AWS_ACCESS_KEY_ID: KEYS.alice };

  const dev = await preflight('environment dev, its account', alice, ['--environment', 'dev'], environments);
  expect(dev.status).toBe(0);
  expect(dev.stdout).toContain('team-a-dev-network, team-a-dev-cluster, team-a-dev-nodegroup');
  const prd = await preflight('environment prd, credentials of dev', alice, ['--environment', 'prd'], environments);
  expect(prd.status).toBe(1);
  expect(prd.stderr).toContain("Preflight failed (ACCOUNT_MISMATCH): The credentials are for account 123456789012, but the team's accountId is 210987654321.");
  // The environment also comes from the environment variable the nx configurations set.
  expect((await preflight('environment from the variable', { ...alice, BOTTLEROCKET_EKS_ENVIRONMENT: 'prd' }, [], environments)).status).toBe(1);

  const none = await preflight('no environment named', alice, [], environments);
  expect({ status: none.status, stderr: none.stderr.trim() }).toEqual({
    status: 1,
    stderr: 'This repository has several environments (dev, prd): '
    + 'choose one with --environment <name> or BOTTLEROCKET_EKS_ENVIRONMENT=<name> (e.g. `npx projen deploy:dev`, `npx nx deploy cluster -c dev`).',
  });
  const unknown = await preflight('an environment the repository does not have', alice, ['--environment', 'qa'], environments);
  expect(unknown.stderr).toMatch(/^No settings file of environment qa \(bottlerocket-eks\.qa\.settings\.json\) in .* or above it: this repository has the environments dev, prd\.\n$/);
});
