import { GetKeyPolicyCommand, KMSClient, KMSServiceException, NotFoundException } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { FakeAws, FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings, CapacityType, Settings } from '../src';
import { PreflightErrorCode, preflightClients, DeployContext, PREFLIGHT_CHECKS, runDeployChecks } from '../src/preflight';
import { ACCOUNT, ALICE_IDENTITY, credentials, KEY, SECRET } from './support/alice';
import { deployContext } from './support/deploy-context';
import { autoScalingKeyStatements, checkVolumeKeyPolicy, KEY_POLICY_DOC, keyPolicyGaps } from '../src/preflight/volume-key-check';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const region = 'eu-west-1';
const BASE: BottlerocketEksSettings = { pjPrefix: 'team-a', region, availabilityZones: ['eu-west-1a', 'eu-west-1c'] };
const KEY_ARN = `arn:aws:kms:${region}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const ROOT = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
const [USE, GRANT] = autoScalingKeyStatements('aws', ACCOUNT) as [any, any];
const policy = (...statements: object[]) => ({ Version: '2012-10-17', Id: 'key-default-1', Statement: statements });

/** One fake AWS per test holding `options`, and a real KMS client of it. */
async function withAws<T>(options: FakeAwsOptions, body: (kms: KMSClient, aws: FakeAws) => Promise<T>): Promise<T> {
  const aws = new FakeAws(ALICE_IDENTITY, [], options);
  const endpoint = await aws.start();
  const kms = new KMSClient({ region, endpoint, credentials });
  try {
    return await body(kms, aws);
  } finally {
    kms.destroy();
    await aws.stop();
  }
}

function context(settings: BottlerocketEksSettings, kms: KMSClient | undefined): DeployContext {
  return deployContext({ settings: Settings.resolve(settings), plan: { stacks: [], refusals: [] }, clients: { kms } });
}

const kmsCalls = (aws: FakeAws) => aws.requests.filter((r) => r.service === 'kms').map((r) => `${r.action} ${r.body}`);

describe('the volume key policy check', () => {
  const withKey = { ...BASE, volumeKmsKeyArn: KEY_ARN };

  test('is one of the live checks', () => {
    expect(PREFLIGHT_CHECKS.deploy).toContain(checkVolumeKeyPolicy);
  });

  test('passes a key policy with the User Guide\'s two statements for the service-linked role', async () => {
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT, USE, GRANT) } } }, async (kms, aws) => {
      expect(await checkVolumeKeyPolicy(context(withKey, kms))).toEqual({ warnings: [], failure: undefined });
      expect(kmsCalls(aws)).toEqual([`GetKeyPolicy {"KeyId":"${KEY_ARN}","PolicyName":"default"}`]);
    });
  });

  test('refuses the default key policy (the account\'s root only), naming both statements and why root is not enough', async () => {
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT) } } }, async (kms) => {
      const { failure, warnings } = await runDeployChecks(context(withKey, kms), [checkVolumeKeyPolicy]);
      expect(warnings).toEqual([]);
      expect(failure?.code).toBe(PreflightErrorCode.VOLUME_KEY_POLICY);
      expect(failure?.message).toBe(`The key policy of volumeKmsKeyArn ${KEY_ARN} does not allow the EC2 Auto Scaling service-linked role ${ROLE} `
        + 'what the User Guide\'s statement 1 (kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey) and statement 2 '
        + `(kms:CreateGrant with kms:GrantIsForAWSResource) grant; the policy's statement "Enable IAM User Permissions" for the account's root (arn:aws:iam::${ACCOUNT}:root) `
        + 'only lets IAM policies grant access, and the role\'s own policy gives it none on customer managed keys: '
        + 'the node group would deploy, but no node would ever launch (KMS GetKeyPolicy).');
      expect(failure?.fix).toContain(`Add these statements to the key policy, keeping the others (${KEY_POLICY_DOC}): ${JSON.stringify([USE, GRANT])} `);
      expect(failure?.fix).toContain(`aws kms --region ${region} put-key-policy --key-id ${KEY_ARN} --policy-name default --policy file://policy.json`);
      expect(failure?.fix).toContain('aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com');
      expect(USE).toEqual({
        Sid: 'Allow service-linked role use of the customer managed key',
        Effect: 'Allow',
        Principal: { AWS: ROLE },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
      });
      expect(GRANT).toEqual({
        Sid: 'Allow attachment of persistent resources',
        Effect: 'Allow',
        Principal: { AWS: ROLE },
        Action: ['kms:CreateGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
      });
    });
  });

  test('passes CreateGrant without the GrantIsForAWSResource condition (broader than asked)', async () => {
    const grant = { Effect: 'Allow', Principal: { AWS: [ROLE] }, Action: 'kms:CreateGrant', Resource: '*' };
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT, USE, grant) } } }, async (kms) => {
      expect((await checkVolumeKeyPolicy(context(withKey, kms))).failure).toBeUndefined();
    });
  });

  test('refuses a policy without CreateGrant for the role, naming statement 2 and printing it alone', async () => {
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT, USE) } } }, async (kms) => {
      const { failure } = await checkVolumeKeyPolicy(context(withKey, kms));
      expect(failure?.code).toBe(PreflightErrorCode.VOLUME_KEY_POLICY);
      expect(failure?.message).toContain(`${ROLE} what the User Guide's statement 2 (kms:CreateGrant with kms:GrantIsForAWSResource) grant; the policy's statement "Enable IAM User Permissions"`);
      expect(failure?.message).not.toContain('statement 1');
      expect(failure?.fix).toContain(`Add this statement to the key policy, keeping the others (${KEY_POLICY_DOC}): ${JSON.stringify([GRANT])} `);
    });
  });

  test('a caller that may not read the key policy gets a warning naming kms:GetKeyPolicy, not a refusal', async () => {
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT) } }, deniedKmsOperations: ['GetKeyPolicy'] }, async (kms) => {
      expect(await checkVolumeKeyPolicy(context(withKey, kms))).toEqual({
        warnings: [`volumeKmsKeyArn ${KEY_ARN}: key policy not checked (AccessDeniedException): allow kms:GetKeyPolicy on the key `
          + 'to have the preflight check that the EC2 Auto Scaling service-linked role may use it'],
        failure: undefined,
      });
    });
  });

  test('refuses a key that does not exist', async () => {
    await withAws({}, async (kms) => {
      const { failure } = await checkVolumeKeyPolicy(context(withKey, kms));
      expect(failure?.code).toBe(PreflightErrorCode.VOLUME_KEY_NOT_FOUND);
      expect(failure?.message).toBe(`volumeKmsKeyArn ${KEY_ARN} does not exist in account ${ACCOUNT}, ${region} (KMS GetKeyPolicy: Key '${KEY_ARN}' does not exist): `
        + 'the node group\'s launch template could not encrypt its volumes with it.');
      expect(failure?.fix).toBe(`Set volumeKmsKeyArn to a key of ${region} (\`aws kms list-aliases --region ${region}\`), or remove it to use the account's default EBS key.`);
    });
  });

  test('a key of another account is not read (GetKeyPolicy is not cross-account): one warning', async () => {
    const other = KEY_ARN.replace(ACCOUNT, '210987654321');
    await withAws({}, async (kms, aws) => {
      const { warnings, failure } = await checkVolumeKeyPolicy(context({ ...BASE, volumeKmsKeyArn: other }, kms));
      expect(failure).toBeUndefined();
      expect(warnings).toEqual([expect.stringMatching(new RegExp(`^volumeKmsKeyArn ${other}: key policy not checked, the key is in account 210987654321, not ${ACCOUNT} `))]);
      expect(kmsCalls(aws)).toEqual([]);
    });
  });

  test('checks the keys of extra node groups too, each key once', async () => {
    const extra = KEY_ARN.replace(/key\/.*/, 'key/0000aaaa-00aa-00aa-00aa-000000000000');
    const settings: BottlerocketEksSettings = {
      ...withKey,
      extraNodegroups: [
        { name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'], volumeKmsKeyArn: KEY_ARN },
        { name: 'gpu', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['g5.xlarge'], volumeKmsKeyArn: extra },
      ],
    };
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT, USE, GRANT) }, [extra]: { policy: policy(ROOT) } } }, async (kms, aws) => {
      const { failure } = await checkVolumeKeyPolicy(context(settings, kms));
      expect(failure?.message).toMatch(new RegExp(`^The key policy of extraNodegroups\\[1\\]\\.volumeKmsKeyArn ${extra} does not allow`));
      expect(kmsCalls(aws).sort()).toEqual([KEY_ARN, extra].map((k) => `GetKeyPolicy {"KeyId":"${k}","PolicyName":"default"}`).sort());
    });
  });

  test('an alias is resolved with DescribeKey first; an AWS managed key needs nothing', async () => {
    const alias = `arn:aws:kms:${region}:${ACCOUNT}:alias/team-a-nodes`;
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT), aliases: ['alias/team-a-nodes'] } } }, async (kms, aws) => {
      const { failure } = await checkVolumeKeyPolicy(context({ ...BASE, volumeKmsKeyArn: alias }, kms));
      expect(failure?.message).toContain(`The key policy of volumeKmsKeyArn ${alias} (${KEY_ARN}) does not allow`);
      expect(kmsCalls(aws).map((c) => c.split(' ')[0])).toEqual(['DescribeKey', 'GetKeyPolicy']);
    });
    const ebs = `arn:aws:kms:${region}:${ACCOUNT}:alias/aws/ebs`;
    await withAws({ kmsKeys: { [KEY_ARN]: { policy: policy(ROOT), aliases: ['alias/aws/ebs'], keyManager: 'AWS' } } }, async (kms, aws) => {
      expect(await checkVolumeKeyPolicy(context({ ...BASE, volumeKmsKeyArn: ebs }, kms))).toEqual({ warnings: [], failure: undefined });
      expect(kmsCalls(aws).map((c) => c.split(' ')[0])).toEqual(['DescribeKey']);
    });
  });

  test('tells the SDK\'s modelled KMS errors apart: a missing key refuses, a denied read warns, others are thrown', async () => {
    const kms = new KMSClient({ region, credentials });
    const mock = mockClient(kms);
    try {
      mock.on(GetKeyPolicyCommand).rejects(new NotFoundException({ message: 'Key does not exist', $metadata: {} }));
      expect((await checkVolumeKeyPolicy(context(withKey, kms))).failure?.code).toBe(PreflightErrorCode.VOLUME_KEY_NOT_FOUND);
      // KMS models no AccessDeniedException: the SDK names the service exception after the error's type.
      mock.on(GetKeyPolicyCommand).rejects(new KMSServiceException({ name: 'AccessDeniedException', message: 'denied', $fault: 'client', $metadata: {} }));
      expect(await checkVolumeKeyPolicy(context(withKey, kms))).toEqual({ warnings: [expect.stringContaining('allow kms:GetKeyPolicy on the key')], failure: undefined });
      mock.on(GetKeyPolicyCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
      const { warnings, failure } = await runDeployChecks(context(withKey, kms), [checkVolumeKeyPolicy]);
      expect({ warnings, failure }).toEqual({ warnings: ['a check could not run: ThrottlingException: throttled'], failure: undefined });
    } finally {
      mock.restore();
      kms.destroy();
    }
  });

  test('asks nothing without volumeKmsKeyArn', async () => {
    await withAws({}, async (kms, aws) => {
      expect(await checkVolumeKeyPolicy(context(BASE, kms))).toEqual({});
      expect(aws.requests).toEqual([]);
    });
  });

  test('the preflight clients reach KMS through AWS_ENDPOINT_URL_KMS', async () => {
    const aws = new FakeAws(ALICE_IDENTITY, [], { kmsKeys: { [KEY_ARN]: { policy: policy(ROOT) } } });
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_KMS: await aws.start(),
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_CONFIG_FILE: `${__dirname}/no-such-aws-config`,
    });
    const clients = preflightClients(Settings.resolve({ pjPrefix: 'team-a', region: region }));
    try {
      const { failure } = await checkVolumeKeyPolicy(context(withKey, clients.kms));
      expect(failure?.code).toBe(PreflightErrorCode.VOLUME_KEY_POLICY);
      expect(aws.requests.map((r) => `${r.service}:${r.action}`)).toEqual(['kms:GetKeyPolicy']);
    } finally {
      Object.values(clients).forEach((client) => client?.destroy());
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      await aws.stop();
    }
  });
});

describe('reading a key policy for the EC2 Auto Scaling service-linked role', () => {
  const gaps = (...statements: object[]) => keyPolicyGaps(JSON.stringify(policy(...statements)), { partition: 'aws', account: ACCOUNT, region });
  const none = { useActions: [], createGrant: false, rootOnly: [], undecided: [] };
  const all = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

  test('kms:* for the role, or for anyone of the account through EC2 (the shape of aws/ebs), allows everything', () => {
    expect(gaps({ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:*', Resource: '*' })).toEqual(none);
    expect(gaps({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Resource: '*',
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
      Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': `ec2.${region}.amazonaws.com` } },
    })).toEqual(none);
  });

  test('a condition the role does not meet, or another account, allows nothing', () => {
    expect(gaps({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '210987654321' } } }))
      .toEqual({ ...none, useActions: all, createGrant: true });
    expect(gaps({ ...USE, Principal: { AWS: [ROLE.replace(ACCOUNT, '210987654321')] } }, GRANT)).toEqual({ ...none, useActions: all });
  });

  test('action wildcards are matched per operation: ReEncryptFrom alone is not kms:ReEncrypt*', () => {
    expect(gaps({ ...USE, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:GenerateDataKey*', 'kms:DescribeKey'] }, GRANT))
      .toEqual({ ...none, useActions: ['kms:ReEncrypt*'] });
    expect(gaps({ ...USE, Action: ['kms:encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'] }, GRANT)).toEqual(none);
    expect(gaps({ ...USE, Action: undefined, NotAction: ['kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy'] })).toEqual(none);
  });

  test('GrantIsForAWSResource holds for CreateGrant only, so it cannot guard the first statement', () => {
    expect(gaps({ ...USE, Condition: GRANT.Condition }, GRANT)).toEqual({ ...none, useActions: all });
  });

  test('a Deny for the role wins over the Allow', () => {
    expect(gaps(USE, GRANT, { Effect: 'Deny', Principal: '*', Action: 'kms:CreateGrant', Resource: '*' })).toEqual({ ...none, createGrant: true });
  });

  test('conditions the preflight cannot evaluate are given the benefit of the doubt, and named', () => {
    const vpce = { Sid: 'Only through the endpoint', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } };
    expect(gaps(USE, GRANT, vpce)).toEqual({ ...none, undecided: ['"Only through the endpoint"'] });
  });

  test('the account id as principal is the root too', () => {
    expect(gaps({ ...ROOT, Sid: undefined, Principal: { AWS: ACCOUNT } })).toEqual({ ...none, useActions: all, createGrant: true, rootOnly: ['#1'] });
  });
});
