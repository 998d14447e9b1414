import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validateWorkflow } from '@action-validator/core';
import { Testing } from 'projen/lib/testing';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { DEPLOY_SESSION_SECONDS, READ_SESSION_SECONDS } from '../src/deploy-role';
import { PINNED_ACTIONS, STATUS_CRON, statusScript, UPGRADED_PACKAGES } from '../src/team-workflows';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/team-a-github-deploy';

function synth(options: Partial<BottlerocketEksProjectOptions> = {}): Record<string, any> {
  const project = new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir: tempDir('workflows'), ...options });
  return Testing.synth(project);
}

const workflowFiles = (out: Record<string, any>) => Object.keys(out).filter((f) => f.startsWith('.github/')).sort();

/** The workflow as written (text, with projen's header) and as parsed. */
function workflow(out: Record<string, any>, name: string): { text: string; doc: any } {
  const file = out[`.github/workflows/${name}.yml`];
  expect(file).toBeDefined();
  // Testing.synth parses YAML files; the validators want the text as written.
  const text = typeof file === 'string' ? file : JSON.stringify(file);
  return { text, doc: typeof file === 'string' ? parse(file) : file };
}

/** Every `uses:` of every step of every job. */
function uses(doc: any): string[] {
  return Object.values<any>(doc.jobs).flatMap((job) => (job.steps ?? []).map((s: any) => s.uses).filter(Boolean));
}

/** A step's `run`, by its name. */
function run(doc: any, job: string, name: string): string {
  return doc.jobs[job].steps.find((s: any) => s.name === name)?.run;
}

describe('team workflows', () => {
  const byDefault = synth();
  const deploying = synth({ deployRoleArn: ROLE_ARN, region: 'eu-west-1', deployEnvironment: 'production' });

  test('build and upgrade by default; deploy, diff and status only with a role', () => {
    expect(workflowFiles(byDefault)).toEqual(['.github/workflows/build.yml', '.github/workflows/upgrade.yml']);
    expect(workflowFiles(deploying)).toEqual([
      '.github/workflows/build.yml', '.github/workflows/deploy.yml', '.github/workflows/diff.yml', '.github/workflows/status.yml', '.github/workflows/upgrade.yml',
    ]);
    // projen's other GitHub files stay off.
    expect(Object.keys(byDefault).filter((f) => /mergify|pull-request-lint/.test(f))).toEqual([]);
  });

  test('each workflow can be turned off', () => {
    expect(workflowFiles(synth({ buildWorkflow: false }))).toEqual(['.github/workflows/upgrade.yml']);
    expect(workflowFiles(synth({ upgradeWorkflow: false }))).toEqual(['.github/workflows/build.yml']);
    expect(workflowFiles(synth({ buildWorkflow: false, upgradeWorkflow: false }))).toEqual([]);
  });

  test('workflows are generated read-only, like the other projen files', () => {
    const files = byDefault['.projen/files.json'].files;
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/build.yml', '.github/workflows/upgrade.yml', 'templates/github-deploy-role.yaml']));
  });

  test.each(['build', 'upgrade', 'deploy', 'diff', 'status'])('%s passes the GitHub Actions workflow schema (action-validator)', (name) => {
    const { text } = workflow(deploying, name);
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  test('the schema check does catch a broken workflow', () => {
    expect(validateWorkflow('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors.length).toBeGreaterThan(0);
  });

  test('every uses: is pinned to a full tag or a commit SHA, from the one list of pinned actions', () => {
    const all = ['build', 'upgrade', 'deploy', 'diff', 'status'].flatMap((name) => uses(workflow(deploying, name).doc));
    expect(all.length).toBeGreaterThan(8);
    for (const ref of all) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
      expect(Object.values(PINNED_ACTIONS)).toContain(ref);
    }
  });

  test('build: pull requests and pushes to the default branch; build, artifact, fail on drift', () => {
    const { doc } = workflow(byDefault, 'build');
    expect(doc.on).toMatchObject({ pull_request: {}, push: { branches: ['main'] } });
    expect(doc.jobs.build.permissions).toEqual({ contents: 'read' });
    const steps = doc.jobs.build.steps;
    expect(steps.map((s: any) => s.run ?? s.uses)).toEqual([
      PINNED_ACTIONS.checkout, PINNED_ACTIONS.setupNode, 'npm ci', 'npx projen build', PINNED_ACTIONS.uploadArtifact, expect.stringContaining('git diff --staged --exit-code'),
    ]);
    expect(steps[1].with['node-version']).toBe('24');
    expect(steps[4].with.path).toBe('templates/');
    expect(workflow(synth({ defaultReleaseBranch: 'trunk' }), 'build').doc.on.push.branches).toEqual(['trunk']);
  });

  test('upgrade: weekly and by hand; bumps the project type, its libraries and the CDK together, builds, opens a pull request', () => {
    const { doc } = workflow(byDefault, 'upgrade');
    expect(Object.keys(doc.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(doc.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \d$/);
    expect(doc.jobs.upgrade.permissions).toEqual({ 'contents': 'write', 'pull-requests': 'write' });
    const bump = run(doc, 'upgrade', 'Bump the project type, its libraries and the CDK together');
    for (const pkg of ['projen-bottlerocket-eks', 'bottlerocket-eks-stacks', 'bottlerocket-eks-config', 'aws-cdk-lib', 'aws-cdk']) expect(UPGRADED_PACKAGES).toContain(pkg);
    expect(bump).toContain(`--filter=${UPGRADED_PACKAGES.join(',')}`);
    expect(bump).toMatch(/npm-check-updates@\d+\.\d+\.\d+ /);
    const order = doc.jobs.upgrade.steps.map((s: any) => s.run ?? s.uses);
    expect(order.slice(4)).toEqual(['npm install', 'npx projen', 'npx projen build', PINNED_ACTIONS.createPullRequest]);
  });

  test('deploy: pushes to the default branch only, OIDC into the role in the team region for as long as the job may run, one at a time, in an environment', () => {
    const { doc } = workflow(deploying, 'deploy');
    expect(doc.on).toMatchObject({ push: { branches: ['main'] } });
    expect(doc.on.pull_request).toBeUndefined();
    const job = doc.jobs.deploy;
    // A run started by hand on another branch deploys nothing.
    expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expect(job.permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
    expect(job.environment).toBe('production');
    expect(job.concurrency).toEqual({ 'group': 'deploy-team-a', 'cancel-in-progress': false });
    const credentials = job.steps.find((s: any) => s.uses === PINNED_ACTIONS.configureAwsCredentials);
    expect(credentials.with).toMatchObject({ 'role-to-assume': ROLE_ARN, 'aws-region': 'eu-west-1', 'role-duration-seconds': job['timeout-minutes'] * 60 });
    // The role's maximum session covers it.
    expect(job['timeout-minutes'] * 60).toBeLessThanOrEqual(DEPLOY_SESSION_SECONDS);
    expect(job.steps.map((s: any) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx projen deploy']);
  });

  test('diff: pull requests of this repository (none from forks), as the read-only role beside the deploy role, outside the deploy environment', () => {
    const { doc } = workflow(deploying, 'diff');
    expect(Object.keys(doc.on)).toEqual(['pull_request']);
    const job = doc.jobs.diff;
    expect(job.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(job.permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
    // Any branch's code runs here: never in the environment the deploy role trusts.
    expect(job.environment).toBeUndefined();
    const credentials = job.steps.find((s: any) => s.uses === PINNED_ACTIONS.configureAwsCredentials);
    expect(credentials.with).toMatchObject({ 'role-to-assume': ROLE_ARN.replace(/role\/.*$/, 'role/team-a-github-read'), 'role-duration-seconds': job['timeout-minutes'] * 60 });
    expect(job['timeout-minutes'] * 60).toBeLessThanOrEqual(READ_SESSION_SECONDS);
    expect(job.steps.map((s: any) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx projen diff']);
  });

  test('status: daily off the hour and by hand, on the default branch only, as the status role beside the deploy role, outside any environment', () => {
    const { doc, text } = workflow(deploying, 'status');
    expect(Object.keys(doc.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(doc.on.schedule).toEqual([{ cron: STATUS_CRON }]);
    // Daily, at a minute other than :00 (GitHub's scheduler is busiest on the hour).
    expect(STATUS_CRON).toMatch(/^([1-9]|[1-5]\d) \d{1,2} \* \* \*$/);
    expect(Object.keys(doc.jobs)).toEqual(['status']);
    const job = doc.jobs.status;
    // The status role trusts runs on the default branch only: a run by hand elsewhere is skipped.
    expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expect(workflow(synth({ deployRoleArn: ROLE_ARN, defaultReleaseBranch: 'trunk' }), 'status').doc.jobs.status.if).toBe("github.ref == 'refs/heads/trunk'");
    expect(job.permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
    // A job in a GitHub environment would carry the environment's subject, which the status role does not trust.
    expect(job.environment).toBeUndefined();
    expect(job['timeout-minutes']).toBe(30);
    const credentials = job.steps.find((s: any) => s.uses === PINNED_ACTIONS.configureAwsCredentials);
    expect(credentials.with).toEqual({
      'role-to-assume': ROLE_ARN.replace(/role\/.*$/, 'role/team-a-github-status'),
      'aws-region': 'eu-west-1',
      'role-session-name': 'team-a-status',
      'role-duration-seconds': job['timeout-minutes'] * 60,
    });
    expect(job['timeout-minutes'] * 60).toBeLessThanOrEqual(READ_SESSION_SECONDS);
    // No write role anywhere in it: neither the deploy role nor its GitHub environment.
    expect(text).not.toContain(ROLE_ARN);
    expect(text).not.toContain('github-deploy');
    expect(text).not.toContain('production');
    expect(job.steps.map((s: any) => s.run ?? s.uses)).toEqual([
      PINNED_ACTIONS.checkout, PINNED_ACTIONS.setupNode, 'npm ci', PINNED_ACTIONS.configureAwsCredentials, statusScript('npx projen status', 'team-a'),
    ]);
  });

  test('status: the step fails with the command\'s exit code, its output in a fenced block of the job summary', () => {
    const script = statusScript('npx projen status', 'team-a');
    expect(script.split('\n')).toEqual([
      'set -o pipefail',
      'echo "### team-a" >> "$GITHUB_STEP_SUMMARY"',
      'echo \'```\' >> "$GITHUB_STEP_SUMMARY"',
      'code=0',
      'npx projen status | tee -a "$GITHUB_STEP_SUMMARY" || code=$?',
      'echo \'```\' >> "$GITHUB_STEP_SUMMARY"',
      'if [ "$code" -ne 0 ]; then echo "::error::npx projen status exited $code: team-a needs attention (or an AWS call failed: see the log)"; fi',
      'exit "$code"',
    ]);
  });

  test.each([[0, 0], [1, 1], [2, 2]])('status: run by bash as GitHub runs a step, a command exiting %i fails the step with %i and closes the fence', (exit, expected) => {
    const dir = tempDir('status-script');
    const summary = path.join(dir, 'summary.md');
    const script = statusScript(`sh -c 'echo report; exit ${exit}'`, 'team-a');
    // GitHub's default shell for `run:` on Linux: bash -e {0}.
    const result = spawnSync('bash', ['-e', '-c', script], { env: { ...process.env, GITHUB_STEP_SUMMARY: summary }, encoding: 'utf-8' });
    expect(result.status).toBe(expected);
    expect(fs.readFileSync(summary, 'utf-8')).toBe('### team-a\n```\nreport\n```\n');
    expect(result.stdout).toContain('report');
    if (exit !== 0) expect(result.stdout).toContain(`::error::sh -c 'echo report; exit ${exit}' exited ${exit}`);
  });

  test('the environment defaults to the prefix', () => {
    expect(workflow(synth({ deployRoleArn: ROLE_ARN }), 'deploy').doc.jobs.deploy.environment).toBe('team-a');
  });

  test.each([
    ['deployRoleArn', 'team-a-github-deploy', /^Invalid deployRoleArn "team-a-github-deploy": expected an IAM role ARN/],
    ['deployRoleArn', 'arn:aws:iam::123456789012:user/alice', /^Invalid deployRoleArn "arn:aws:iam::123456789012:user\/alice": expected an IAM role ARN/],
    ['deployRoleArn', 'arn:aws:iam::12345:role/x', /^Invalid deployRoleArn/],
    ['githubRepository', 'team-a', /^Invalid githubRepository "team-a": expected the GitHub repository as owner\/name/],
    ['deployEnvironment', 'prod/eu', /^Invalid deployEnvironment "prod\/eu": expected a GitHub environment name/],
  ])('a bad %s (%s) is refused in one line before any file is written', (option, value, message) => {
    const outdir = tempDir('bad-ci-option');
    expect(() => new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir, [option]: value }))
      .toThrow(message);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('role ARNs of other partitions and with a path are taken', () => {
    for (const arn of ['arn:aws-cn:iam::123456789012:role/x', 'arn:aws-us-gov:iam::123456789012:role/ci/team-a-deploy']) {
      expect(workflowFiles(synth({ deployRoleArn: arn }))).toContain('.github/workflows/deploy.yml');
    }
  });

  test('the README names the workflows and how to deploy the role', () => {
    const readme: string = byDefault['README.md'];
    expect(readme).toContain('## CI');
    expect(readme).toContain('--template-file templates/github-deploy-role.yaml --capabilities CAPABILITY_NAMED_IAM');
    expect(readme).toContain('`deployRoleArn`');
    expect(readme).not.toContain('| `deploy` |');
    expect(deploying['README.md']).toContain(`| \`deploy\` | pushes to main, or by hand | \`npx projen deploy\` as \`${ROLE_ARN}\``);
    expect(deploying['README.md']).toContain('| `status` | daily, or by hand, on main | `npx projen status` as the read-only role `team-a-github-status`;');
    expect(readme).not.toContain('| `status` |');
  });
});

describe('team workflows with environments', () => {
  const PRD_ROLE = 'arn:aws:iam::222222222222:role/team-a-prd-github-deploy';
  const environments = [
    { name: 'dev', accountId: '111111111111' },
    { name: 'stg', accountId: '111111111111', region: 'eu-central-1' },
    { name: 'prd', accountId: '222222222222', region: 'us-east-1', deployRoleArn: PRD_ROLE, deployEnvironment: 'production' },
  ];
  const out = synth({ region: 'eu-west-1', deployRoleArn: ROLE_ARN, environments });

  test('deploy: one job per environment, in the order listed, each after the one before, in its GitHub environment', () => {
    const { doc } = workflow(out, 'deploy');
    expect(doc.on).toMatchObject({ push: { branches: ['main'] } });
    expect(Object.keys(doc.jobs)).toEqual(['deploy-dev', 'deploy-stg', 'deploy-prd']);
    expect(doc.jobs['deploy-dev'].needs).toBeUndefined();
    expect(doc.jobs['deploy-stg'].needs).toEqual('deploy-dev');
    expect(doc.jobs['deploy-prd'].needs).toEqual('deploy-stg');
    expect(Object.values<any>(doc.jobs).map((j) => j.environment)).toEqual(['team-a-dev', 'team-a-stg', 'production']);
    expect(Object.values<any>(doc.jobs).map((j) => j.concurrency.group)).toEqual(['deploy-team-a-dev', 'deploy-team-a-stg', 'deploy-team-a-prd']);
    const runs = (job: string) => doc.jobs[job].steps.map((s: any) => s.run).filter(Boolean);
    expect(runs('deploy-stg')).toEqual(['npm ci', 'npx projen deploy:stg']);
    const credentials = (job: string) => doc.jobs[job].steps.find((s: any) => s.uses === PINNED_ACTIONS.configureAwsCredentials).with;
    // Its own role, else the top-level one; its own region.
    expect(credentials('deploy-dev')).toEqual({ 'role-to-assume': ROLE_ARN, 'aws-region': 'eu-west-1', 'role-session-name': 'team-a-dev-deploy', 'role-duration-seconds': 7200 });
    expect(credentials('deploy-stg')).toMatchObject({ 'role-to-assume': ROLE_ARN, 'aws-region': 'eu-central-1' });
    expect(credentials('deploy-prd')).toMatchObject({ 'role-to-assume': PRD_ROLE, 'aws-region': 'us-east-1' });
  });

  test('diff: one job per environment, side by side, as the read-only role of its deploy role, outside its GitHub environment', () => {
    const { doc } = workflow(out, 'diff');
    expect(Object.keys(doc.on)).toEqual(['pull_request']);
    expect(Object.keys(doc.jobs)).toEqual(['diff-dev', 'diff-stg', 'diff-prd']);
    expect(Object.values<any>(doc.jobs).map((j) => j.needs)).toEqual([undefined, undefined, undefined]);
    expect(Object.values<any>(doc.jobs).map((j) => j.environment)).toEqual([undefined, undefined, undefined]);
    const role = (job: string) => doc.jobs[job].steps.find((s: any) => s.uses === PINNED_ACTIONS.configureAwsCredentials).with['role-to-assume'];
    expect(role('diff-prd')).toBe(PRD_ROLE.replace(/role\/.*$/, 'role/team-a-prd-github-read'));
    expect(role('diff-dev')).toBe(ROLE_ARN.replace(/role\/.*$/, 'role/team-a-dev-github-read'));
    expect(doc.jobs['diff-prd'].permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
    expect(doc.jobs['diff-prd'].steps.map((s: any) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx projen diff:prd']);
  });

  test('status: one job per environment with a role, side by side, each as the status role beside its deploy role, in its region', () => {
    const { doc, text } = workflow(out, 'status');
    expect(Object.keys(doc.jobs)).toEqual(['status-dev', 'status-stg', 'status-prd']);
    expect(Object.values<any>(doc.jobs).map((j) => j.needs)).toEqual([undefined, undefined, undefined]);
    expect(Object.values<any>(doc.jobs).map((j) => j.environment)).toEqual([undefined, undefined, undefined]);
    expect(Object.values<any>(doc.jobs).map((j) => j.if)).toEqual(Array(3).fill("github.ref == 'refs/heads/main'"));
    const credentials = (job: string) => doc.jobs[job].steps.find((s: any) => s.uses === PINNED_ACTIONS.configureAwsCredentials).with;
    expect(credentials('status-prd')).toMatchObject({ 'role-to-assume': PRD_ROLE.replace(/role\/.*$/, 'role/team-a-prd-github-status'), 'aws-region': 'us-east-1' });
    expect(credentials('status-stg')).toMatchObject({ 'role-to-assume': ROLE_ARN.replace(/role\/.*$/, 'role/team-a-stg-github-status'), 'aws-region': 'eu-central-1' });
    expect(doc.jobs['status-prd'].steps.at(-1).run).toBe(statusScript('npx projen status:prd', 'team-a-prd'));
    expect(text).not.toMatch(/github-deploy|github-read/);
    // Only environments CI deploys; none: no status workflow.
    expect(Object.keys(workflow(synth({ environments: [{ name: 'dev' }, { name: 'prd', deployRoleArn: PRD_ROLE }] }), 'status').doc.jobs)).toEqual(['status-prd']);
  });

  test.each(['deploy', 'diff', 'status'])('%s with environments passes the GitHub Actions workflow schema (action-validator)', (name) => {
    expect(validateWorkflow(workflow(out, name).text).errors).toEqual([]);
  });

  test('an environment with no role of its own and no top-level one is left out of CI; none with a role: no deploy or diff workflow', () => {
    const some = synth({ environments: [{ name: 'dev' }, { name: 'prd', deployRoleArn: PRD_ROLE }] });
    expect(Object.keys(workflow(some, 'deploy').doc.jobs)).toEqual(['deploy-prd']);
    expect(Object.keys(workflow(some, 'diff').doc.jobs)).toEqual(['diff-prd']);
    expect(workflowFiles(synth({ environments: [{ name: 'dev' }] }))).toEqual(['.github/workflows/build.yml', '.github/workflows/upgrade.yml']);
  });

  test('a bad deployEnvironment of an environment is refused in one line', () => {
    expect(() => synth({ environments: [{ name: 'dev', deployEnvironment: 'a/b' }] }))
      .toThrow(/^Invalid environments\[0\]\.deployEnvironment "a\/b": expected a GitHub environment name/);
  });

  test('the README lists each environment\'s GitHub environment, role and role template, and how to deploy each role', () => {
    const readme: string = out['README.md'];
    expect(readme).toContain('| `deploy` | pushes to main, or by hand | `npx projen deploy:dev`, then `npx projen deploy:stg`, then `npx projen deploy:prd`: one job per environment');
    expect(readme).toContain(`| prd | \`production\` | \`${PRD_ROLE}\` | \`templates/prd/github-deploy-role.yaml\` |`);
    expect(readme).toContain('aws cloudformation deploy --region us-east-1 --stack-name team-a-prd-github-deploy-role \\\n  --template-file templates/prd/github-deploy-role.yaml');
    const none: string = synth({ environments: [{ name: 'dev' }] })['README.md'];
    expect(none).toContain('| dev | `team-a-dev` | none: not deployed by CI | `templates/dev/github-deploy-role.yaml` |');
    expect(none).not.toContain('| `deploy` |');
  });
});
