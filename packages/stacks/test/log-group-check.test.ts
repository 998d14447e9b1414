import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { synthAll } from './helpers';
import { BottlerocketEksSettings, SecurityProfile, Settings } from '../src';
import { planStack, StackPlan } from '../src/plan';
import { PreflightErrorCode, preflightClients, DeployContext, PREFLIGHT_CHECKS, runDeployChecks } from '../src/preflight';
import { ACCOUNT, ALICE_IDENTITY, credentials, KEY, SECRET } from './support/alice';
import { deployContext } from './support/deploy-context';
import { checkControlPlaneLogGroup } from '../src/preflight/log-group-check';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const region = 'eu-west-1';
const BASE: BottlerocketEksSettings = { pjPrefix: 'team-a', region, availabilityZones: ['eu-west-1a', 'eu-west-1c'] };
const LOG_GROUP = '/aws/eks/team-a-cluster/cluster';

const aws = new FakeAws(ALICE_IDENTITY, [], {
  logGroups: ['/aws/eks/team-a-cluster/cluster-other', LOG_GROUP, '/aws/eks/team-a/cluster-old', '/aws/lambda/something'],
});
let endpoint: string;
let logs: CloudWatchLogsClient;
let cfn: CloudFormationClient;

beforeAll(async () => {
  endpoint = await aws.start();
  logs = new CloudWatchLogsClient({ region, endpoint, credentials });
  cfn = new CloudFormationClient({ region, endpoint, credentials });
});

afterAll(async () => {
  logs.destroy();
  cfn.destroy();
  await aws.stop();
});

/** The cluster stack's plan from `deployed` (undefined: not deployed yet) to `settings`. */
function clusterPlan(settings: BottlerocketEksSettings, deployed?: BottlerocketEksSettings): StackPlan {
  const proposed = synthAll(settings).templates.cluster.toJSON();
  return planStack({ stackName: 'team-a-cluster', deployed: deployed && synthAll(deployed).templates.cluster.toJSON(), proposed, importers: {} });
}

function context(settings: BottlerocketEksSettings, plan: StackPlan, client: CloudWatchLogsClient | undefined = logs): DeployContext {
  // CloudFormation too: every live check runs in the first test; the stack state check finds no stack.
  const clients = { cloudFormation: cfn, logs: client };
  return deployContext({ settings: Settings.resolve(settings), plan: { stacks: [plan], refusals: [] }, clients });
}

describe('the control plane log group check', () => {
  beforeEach(() => aws.requests.splice(0));

  test('refuses to create a log group EKS already made, with the import into the deployed stack', async () => {
    const settings = { ...BASE, logRetentionDays: 90 };
    const { failure, warnings } = await runDeployChecks(context(settings, clusterPlan(settings, BASE)), PREFLIGHT_CHECKS.deploy);
    expect(warnings).toEqual([]);
    expect(failure?.code).toBe(PreflightErrorCode.LOG_GROUP_EXISTS);
    expect(failure?.message).toBe(`The log group ${LOG_GROUP} already exists in account ${ACCOUNT}, ${region} (made by EKS, or kept by an earlier stack): `
      + 'the deploy would create it for logRetentionDays and fail inside CloudFormation (CloudWatch Logs DescribeLogGroups).');
    expect(failure?.fix).toContain('aws cloudformation --region eu-west-1 get-template --stack-name team-a-cluster --query TemplateBody --output json '
      + `| jq '.Resources.ControlPlaneLogGroup = {"Type":"AWS::Logs::LogGroup","DeletionPolicy":"Retain","UpdateReplacePolicy":"Retain","Properties":{"LogGroupName":"${LOG_GROUP}"}}'`);
    expect(failure?.fix).toContain('create-change-set --stack-name team-a-cluster --change-set-name import-log-group --change-set-type IMPORT '
      + `--resources-to-import '[{"ResourceType":"AWS::Logs::LogGroup","LogicalResourceId":"ControlPlaneLogGroup","ResourceIdentifier":{"LogGroupName":"${LOG_GROUP}"}}]'`);
    expect(failure?.fix).toContain(`aws logs delete-log-group --region eu-west-1 --log-group-name ${LOG_GROUP}`);
    expect(aws.requests.filter((r) => r.service === 'logs').map((r) => `${r.service}:${r.action} ${r.body}`)).toEqual([`logs:DescribeLogGroups {"logGroupNamePrefix":"${LOG_GROUP}"}`]);
  });

  test('a new cluster stack imports with a template of the log group alone', async () => {
    const settings = { ...BASE, securityProfile: SecurityProfile.STRICT };
    const { failure } = await checkControlPlaneLogGroup(context(settings, clusterPlan(settings)));
    expect(failure?.fix).toContain('echo \'{"Resources":{"ControlPlaneLogGroup":{"Type":"AWS::Logs::LogGroup","DeletionPolicy":"Retain",');
    expect(failure?.fix).not.toContain('get-template');
  });

  test('passes when no log group of that name exists (a prefix match is not one)', async () => {
    const settings = { ...BASE, clusterName: 'team-a', logRetentionDays: 90 };
    expect(await checkControlPlaneLogGroup(context(settings, clusterPlan(settings, { ...BASE, clusterName: 'team-a' })))).toEqual({});
    expect(aws.requests.map((r) => r.action)).toEqual(['DescribeLogGroups']);
  });

  test('asks nothing when the plan creates no log group (no retention, or the stack owns it already)', async () => {
    const owned = { ...BASE, logRetentionDays: 90 };
    expect(await checkControlPlaneLogGroup(context(BASE, clusterPlan(BASE, BASE)))).toEqual({});
    const longer = { ...owned, logRetentionDays: 365 };
    expect(await checkControlPlaneLogGroup(context(longer, clusterPlan(longer, owned)))).toEqual({});
    expect(aws.requests).toEqual([]);
  });

  test('the preflight clients reach CloudWatch Logs through AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_CONFIG_FILE: `${__dirname}/no-such-aws-config`,
    });
    const clients = preflightClients(Settings.resolve({ pjPrefix: 'team-a', region: region }));
    try {
      const settings = { ...BASE, logRetentionDays: 90 };
      const { failure } = await checkControlPlaneLogGroup(context(settings, clusterPlan(settings, BASE), clients.logs));
      expect(failure?.code).toBe(PreflightErrorCode.LOG_GROUP_EXISTS);
    } finally {
      Object.values(clients).forEach((client) => client?.destroy());
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});
