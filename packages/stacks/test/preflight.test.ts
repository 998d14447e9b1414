import { ExpiredTokenException, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { Settings } from '../src';
import { formatFailure, formatTarget, preflight, PreflightError, PreflightErrorCode, PreflightOptions } from '../src/preflight';

const options = { pjPrefix: 'team-a', region: 'eu-west-1', accountId: '123456789012' };
const settings = Settings.resolve(options);
const alice = { Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice', UserId: 'AIDAEXAMPLE' };
const sts = mockClient(STSClient);
const client = () => new STSClient({ region: 'eu-west-1' });

beforeEach(() => sts.reset());

/** Runs the preflight and returns the error it throws (failing the test if it does not). */
async function failure(overrides: Partial<PreflightOptions> = {}): Promise<PreflightError> {
  const error = await preflight({ settings, sts: client(), ...overrides }).then(() => undefined, (e) => e);
  expect(PreflightError.is(error)).toBe(true);
  return error;
}

function awsError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 403 }, ...extra });
}

describe('a preflight that passes', () => {
  test('reports account, caller, partition, region and the stacks in deploy order', async () => {
    sts.on(GetCallerIdentityCommand).resolves(alice);
    const target = await preflight({ settings, sts: client(), shellRegion: { region: 'eu-west-1', source: 'AWS_REGION' } });
    expect(target).toEqual({
      pjPrefix: 'team-a',
      account: '123456789012',
      callerArn: 'arn:aws:iam::123456789012:user/alice',
      partition: 'aws',
      region: 'eu-west-1',
      regionSource: 'AWS_REGION',
      accountPinned: true,
      stacks: ['team-a-network', 'team-a-cluster', 'team-a-nodegroup'],
    });
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  test('accepts any account when accountId is not pinned, and says so', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ ...alice, Account: '999999999999', Arn: 'arn:aws:sts::999999999999:assumed-role/Admin/bob' });
    const target = await preflight({ settings: Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1' }), sts: client() });
    expect(target).toMatchObject({ account: '999999999999', accountPinned: false, regionSource: 'settings' });
    expect(formatTarget(target, 'text', 'deploy')).toContain('accountId is not set, so any account is accepted');
  });

  test('a confirmed destroy lists the stacks in reverse order', async () => {
    sts.on(GetCallerIdentityCommand).resolves(alice);
    const target = await preflight({ settings, sts: client(), operation: 'destroy', confirm: 'team-a' });
    expect(target.stacks).toEqual(['team-a-nodegroup', 'team-a-cluster', 'team-a-network']);
  });

  test('a China region is checked against the aws-cn partition', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ ...alice, Arn: 'arn:aws-cn:iam::123456789012:user/alice' });
    const target = await preflight({ settings: Settings.resolve({ ...options, region: 'cn-north-1', availabilityZones: ['cn-north-1a', 'cn-north-1b'] }), sts: client() });
    expect(target.partition).toBe('aws-cn');
  });
});

describe('a preflight that stops the deploy', () => {
  test('no credentials found', async () => {
    sts.on(GetCallerIdentityCommand).rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers'));
    const error = await failure();
    expect(error.code).toBe(PreflightErrorCode.NO_CREDENTIALS);
    expect(error.message).toBe('No AWS credentials found (Could not load credentials from any providers).');
    expect(error.fix).toContain('aws sso login --profile <profile>');
  });

  test.each([
    ['ExpiredToken', 'The security token included in the request is expired', 'the session token has expired'],
    ['InvalidClientTokenId', 'The security token included in the request is invalid.',
      'the access key id is not known to AWS (deleted, mistyped, or from another partition)'],
    ['SignatureDoesNotMatch', 'The request signature we calculated does not match', 'the secret access key does not match the access key id'],
  ])('credentials rejected with %s', async (name, message, reason) => {
    sts.on(GetCallerIdentityCommand).rejects(awsError(name, message));
    const error = await failure();
    expect(error.code).toBe(PreflightErrorCode.CREDENTIALS_REJECTED);
    expect(error.message).toBe(`AWS rejected the credentials: ${reason} (${name}: ${message}).`);
    expect(error.fix).toContain('aws sts get-caller-identity');
  });

  test('credentials rejected with the modeled ExpiredTokenException', async () => {
    sts.on(GetCallerIdentityCommand).rejects(new ExpiredTokenException({ message: 'token expired', $metadata: {} }));
    expect((await failure()).code).toBe(PreflightErrorCode.CREDENTIALS_REJECTED);
  });

  test('the credentials belong to another account', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ ...alice, Account: '210987654321', Arn: 'arn:aws:iam::210987654321:user/alice' });
    const error = await failure();
    expect(error.code).toBe(PreflightErrorCode.ACCOUNT_MISMATCH);
    expect(error.message).toBe("The credentials are for account 210987654321, but the team's accountId is 123456789012.");
    expect(error.callerArn).toBe('arn:aws:iam::210987654321:user/alice');
    expect(error.fix).toContain('Use credentials of account 123456789012');
  });

  test('the shell points at another region: stopped before any call to AWS', async () => {
    const error = await failure({ shellRegion: { region: 'us-east-1', source: 'AWS_REGION' } });
    expect(error.code).toBe(PreflightErrorCode.REGION_MISMATCH);
    expect(error.message).toBe("This shell points at region us-east-1 (from AWS_REGION), but the team's region is eu-west-1.");
    expect(error.fix).toContain('export AWS_REGION=eu-west-1');
    expect(sts.calls()).toHaveLength(0);
  });

  test('the credentials are of another partition than the region', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ ...alice, Arn: 'arn:aws-us-gov:iam::123456789012:user/alice' });
    const error = await failure();
    expect(error.code).toBe(PreflightErrorCode.PARTITION_MISMATCH);
    expect(error.message).toBe('The credentials are for partition aws-us-gov, but region eu-west-1 is in partition aws.');
  });

  test('STS cannot be reached', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    const error = await failure();
    expect(error.code).toBe(PreflightErrorCode.STS_UNREACHABLE);
    expect(error.message).toMatch(/^Could not reach STS at .* \(ECONNREFUSED\)\.$/);
  });

  test.each([
    [undefined, 'no --confirm given'],
    ['team-b', '--confirm=team-b does not name this repository\'s prefix'],
  ])('a destroy with --confirm=%s is refused before any call to AWS', async (confirm, reason) => {
    const error = await failure({ operation: 'destroy', confirm });
    expect(error.code).toBe(PreflightErrorCode.DESTROY_NOT_CONFIRMED);
    expect(error.message).toBe(`Refusing to destroy team-a-nodegroup, team-a-cluster, team-a-network: ${reason}.`);
    expect(error.fix).toBe('If you mean it, run `npx projen destroy --confirm=team-a`.');
    expect(sts.calls()).toHaveLength(0);
  });

  test('an AWS error it does not know becomes AWS_ERROR, naming the error, its status and request id', async () => {
    sts.on(GetCallerIdentityCommand).rejects(awsError('InternalFailure', 'boom'));
    const error = await failure({});
    expect(error.code).toBe(PreflightErrorCode.AWS_ERROR);
    expect(error.message).toBe('An AWS call failed: InternalFailure: boom (HTTP 403, request id none).');
  });

  test('an error that is not of an AWS call (a bug) is passed on unchanged', async () => {
    const bug = new TypeError('x is undefined');
    sts.on(GetCallerIdentityCommand).rejects(bug);
    await expect(preflight({ settings, sts: client() })).rejects.toBe(bug);
  });
});

describe('the report', () => {
  const target = {
    pjPrefix: 'team-a',
    account: '123456789012',
    callerArn: alice.Arn,
    partition: 'aws',
    region: 'eu-west-1',
    regionSource: 'AWS_REGION',
    accountPinned: true,
    stacks: ['team-a-network', 'team-a-cluster', 'team-a-nodegroup'],
  };

  test('text, for a person', () => {
    expect(formatTarget(target, 'text', 'deploy')).toBe([
      'Preflight passed: deploy of team-a would create or update',
      '  account    123456789012  (matches accountId)',
      '  caller     arn:aws:iam::123456789012:user/alice',
      '  partition  aws',
      '  region     eu-west-1  (from AWS_REGION)',
      '  stacks     team-a-network, team-a-cluster, team-a-nodegroup  (in this order)',
      '',
    ].join('\n'));
  });

  test('brief, one line before each stack of an nx deploy', () => {
    expect(formatTarget(target, 'brief', 'deploy')).toBe(
      'preflight ok: deploy team-a into account 123456789012 (arn:aws:iam::123456789012:user/alice), region eu-west-1, partition aws\n');
  });

  test('json, for scripts, with the same facts', () => {
    expect(JSON.parse(formatTarget(target, 'json', 'destroy'))).toEqual({ ok: true, operation: 'destroy', ...target });
    const error = new PreflightError(PreflightErrorCode.ACCOUNT_MISMATCH, 'wrong account', 'use the right one', alice.Arn);
    expect(JSON.parse(formatFailure(error, 'json'))).toEqual({
      ok: false, error: { code: 'ACCOUNT_MISMATCH', message: 'wrong account', fix: 'use the right one', callerArn: alice.Arn },
    });
  });

  test('a failure says what is wrong and what to do', () => {
    const error = new PreflightError(PreflightErrorCode.ACCOUNT_MISMATCH, 'wrong account', 'use the right one', alice.Arn);
    expect(formatFailure(error, 'text')).toBe([
      'Preflight failed (ACCOUNT_MISMATCH): wrong account',
      '  caller     arn:aws:iam::123456789012:user/alice',
      '  fix        use the right one',
      '',
    ].join('\n'));
  });
});
