import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FakeAws } from 'bottlerocket-eks-test-support';

// The published library bundles what it uses of the AWS SDK (lib/aws/sdk.js, written by the
// build from src/aws/sdk.ts): a team repository installs no SDK package. Run from the built
// library, as a team runs it.
const LIB = path.resolve(__dirname, '..', 'lib');
const ACCOUNT = '123456789012';
const KEY = 'AKIABUNDLEEXAMPLE001';

/**
 * Node with every `@aws-sdk/*`, `@smithy/*` and `@babel/*` package made unresolvable, as in a team
 * repository, running `script`; resolves to what it printed.
 */
function runWithoutSdkPackages(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number; output: string }> {
  const block = [
    "const Module = require('module');",
    'const resolve = Module._resolveFilename;',
    "Module._resolveFilename = function (request, ...rest) { if (/^@(aws-sdk|smithy|babel)\\//.test(request)) { throw new Error('not installed: ' + request); } return resolve.call(this, request, ...rest); };",
  ].join('\n');
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', `${block}\n${script}`], { env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) =>
      resolve({ status: typeof error?.code === 'number' ? error.code : 0, output: `${stdout}${stderr}` }));
  });
}

describe('the bundled AWS SDK of the built library', () => {
  const keyArn = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const fake = new FakeAws({ [KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` } }, [], { kmsKeys: { [keyArn]: { policy: { Statement: [] } } } });
  let endpoint = '';

  beforeAll(async () => {
    if (!fs.existsSync(path.join(LIB, 'aws', 'sdk.js'))) throw new Error(`${LIB}/aws/sdk.js is missing: build the package first (npx projen compile)`);
    endpoint = await fake.start();
  });
  afterAll(() => fake.stop());

  test('works with no SDK package installed: STS, EC2 and KMS through their wire formats', async () => {
    const script = `
      const { STSClient, GetCallerIdentityCommand, EC2Client, DescribeSubnetsCommand, KMSClient, GetKeyPolicyCommand } = require(${JSON.stringify(path.join(LIB, 'aws', 'sdk.js'))});
      (async () => {
        const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));
        const subnets = await new EC2Client({}).send(new DescribeSubnetsCommand({}));
        const key = await new KMSClient({}).send(new GetKeyPolicyCommand({ KeyId: ${JSON.stringify(keyArn)}, PolicyName: 'default' }));
        console.log(JSON.stringify({ account: identity.Account, subnets: Array.isArray(subnets.Subnets), policy: key.Policy }));
      })().catch((e) => { console.error(String(e)); process.exit(1); });`;
    const { status, output } = await runWithoutSdkPackages(script, {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: 'fake-secret',
      AWS_REGION: 'eu-west-1',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    expect({ status, output: output.trim() }).toEqual({ status: 0, output: JSON.stringify({ account: ACCOUNT, subnets: true, policy: '{"Statement":[]}' }) });
    expect(fake.requests.map((r) => r.action)).toEqual(['GetCallerIdentity', 'DescribeSubnets', 'GetKeyPolicy']);
  });

  test('the preflight and the command line load no SDK package', async () => {
    const script = `require(${JSON.stringify(path.join(LIB, 'preflight', 'index.js'))}); require(${JSON.stringify(path.join(LIB, 'commands', 'preflight.js'))}); console.log('loaded');`;
    expect(await runWithoutSdkPackages(script, {})).toEqual({ status: 0, output: 'loaded\n' });
  });

  test('the status and upgrade commands load no SDK package, and upgrade reads .projenrc.ts with the bundled parser', async () => {
    const script = `require(${JSON.stringify(path.join(LIB, 'commands', 'status.js'))});
      const { setProjectOption } = require(${JSON.stringify(path.join(LIB, 'upgrade', 'index.js'))});
      console.log(setProjectOption("new BottlerocketEksProject({ pjPrefix: 'a', kubernetesVersion: '1.35' });", 'kubernetesVersion', '1.36'));`;
    expect(await runWithoutSdkPackages(script, {})).toEqual({ status: 0, output: "new BottlerocketEksProject({ pjPrefix: 'a', kubernetesVersion: '1.36' });\n" });
  });

  test('its licenses ship with it: every bundled package, with its license text', () => {
    const licenses = fs.readFileSync(path.join(LIB, 'THIRD_PARTY_LICENSES'), 'utf-8');
    const bundled = [...licenses.matchAll(/^\*\* (\S+)@\S+ - (\S+)$/gm)].map((m) => m[1]);
    expect(bundled).toEqual(expect.arrayContaining(['@aws-sdk/client-sts', '@aws-sdk/client-ec2', '@aws-sdk/client-eks',
      '@aws-sdk/client-cloudformation', '@aws-sdk/client-service-quotas', '@aws-sdk/client-cloudwatch-logs', '@aws-sdk/client-kms',
      '@aws-sdk/client-ssm', '@babel/parser']));
    expect(licenses).toContain('Apache License');
  });
});
