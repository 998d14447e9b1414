import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validateWorkflow } from '@action-validator/core';
import { Testing } from 'projen/lib/testing';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { DEPLOY_SESSION_SECONDS, READ_SESSION_SECONDS } from '../src/deploy-role';
import { PINNED_ACTIONS, PULL_REQUEST_TOKEN, RELEASES_CRON, STATUS_CRON, statusScript, summaryScript, UPGRADED_PACKAGES } from '../src/team-workflows';

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

/** A step, by what it uses. */
function step(doc: any, job: string, action: string): any {
  return doc.jobs[job].steps.find((s: any) => s.uses === action);
}

const WORKFLOWS = ['build', 'upgrade', 'deploy', 'diff', 'status', 'releases'];

/** The jobs of every workflow of `out`, as `<workflow>/<job>`. */
function allJobs(out: Record<string, any>): Array<[string, any]> {
  return workflowFiles(out).flatMap((file) => {
    const name = path.basename(file, '.yml');
    return Object.entries<any>(workflow(out, name).doc.jobs).map(([id, job]): [string, any] => [`${name}/${id}`, job]);
  });
}

/**
 * Runs a step's script as GitHub runs it (bash -e) with a fake `npx` first on the PATH, which
 * records its arguments and answers as `answer` (a bash snippet) says; returns the run, the step
 * outputs written and the calls of npx.
 */
function runWithFakeNpx(script: string, answer: string, env: Record<string, string> = {}) {
  const dir = tempDir('fake-npx');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const calls = path.join(dir, 'calls');
  fs.writeFileSync(path.join(bin, 'npx'), `#!/usr/bin/env bash\nprintf '%s\\n' "$*" >> "${calls}"\n${answer}\n`, { mode: 0o755 });
  const output = path.join(dir, 'output');
  const summary = path.join(dir, 'summary');
  const runnerTemp = path.join(dir, 'temp');
  fs.mkdirSync(runnerTemp);
  const result = spawnSync('bash', ['-e', '-c', script], {
    env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: runnerTemp },
    encoding: 'utf-8',
  });
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '');
  return { result, output: read(output), calls: read(calls).split('\n').filter(Boolean), runnerTemp };
}

describe('team workflows', () => {
  const byDefault = synth();
  const deploying = synth({ deployRoleArn: ROLE_ARN, region: 'eu-west-1', deployEnvironment: 'production' });

  test('build and upgrade by default; deploy, diff, status and releases only with a role', () => {
    expect(workflowFiles(byDefault)).toEqual(['.github/workflows/build.yml', '.github/workflows/upgrade.yml']);
    expect(workflowFiles(deploying)).toEqual([
      '.github/workflows/build.yml', '.github/workflows/deploy.yml', '.github/workflows/diff.yml', '.github/workflows/releases.yml',
      '.github/workflows/status.yml', '.github/workflows/upgrade.yml',
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

  test.each(WORKFLOWS)('%s passes the GitHub Actions workflow schema (action-validator)', (name) => {
    const { text } = workflow(deploying, name);
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  test('the schema check does catch a broken workflow', () => {
    expect(validateWorkflow('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors.length).toBeGreaterThan(0);
  });

  test('every uses: is pinned to a full tag or a commit SHA, from the one list of pinned actions', () => {
    const all = WORKFLOWS.flatMap((name) => uses(workflow(deploying, name).doc));
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

  test('download-artifact is pinned as projen pins it', () => {
    expect(PINNED_ACTIONS.downloadArtifact).toMatch(/^actions\/download-artifact@[0-9a-f]{40}$/);
  });

  test('no job that may ask for an OIDC token (AWS credentials) may write to the repository or its pull requests', () => {
    const jobs = allJobs(deploying);
    expect(jobs.length).toBeGreaterThan(6);
    for (const [id, job] of jobs.filter(([, j]) => j.permissions?.['id-token'] === 'write')) {
      expect([id, job.permissions.contents, job.permissions['pull-requests']]).toEqual([id, 'read', undefined]);
    }
    // Every job says what it may do: none takes the repository's default token permissions.
    for (const [id, job] of jobs) expect([id, job.permissions]).toEqual([id, expect.any(Object)]);
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
    expect(step(doc, 'upgrade', PINNED_ACTIONS.createPullRequest).with.token).toBe(PULL_REQUEST_TOKEN);
    expect(PULL_REQUEST_TOKEN).toBe('${{ secrets.PROJEN_GITHUB_TOKEN || secrets.GITHUB_TOKEN }}');
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

  test('releases: daily off the hour at another time than status, and by hand, on the default branch only', () => {
    const { doc } = workflow(deploying, 'releases');
    expect(Object.keys(doc.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(doc.on.schedule).toEqual([{ cron: RELEASES_CRON }]);
    expect(RELEASES_CRON).toMatch(/^([1-9]|[1-5]\d) \d{1,2} \* \* \*$/);
    expect(RELEASES_CRON).not.toBe(STATUS_CRON);
    expect(RELEASES_CRON.split(' ').slice(0, 2)).not.toEqual(STATUS_CRON.split(' ').slice(0, 2));
    expect(Object.keys(doc.jobs)).toEqual(['observe', 'plan', 'promote']);
    // Every job runs only on the default branch (the status role trusts no other; the pull requests start from it).
    for (const job of Object.values<any>(doc.jobs)) expect(job.if).toMatch(/^github\.ref == 'refs\/heads\/main'( && |$)/);
    const trunk = workflow(synth({ deployRoleArn: ROLE_ARN, defaultReleaseBranch: 'trunk' }), 'releases').doc;
    for (const job of Object.values<any>(trunk.jobs)) expect(job.if).toMatch(/^github\.ref == 'refs\/heads\/trunk'( && |$)/);
    expect(step(trunk, 'promote', PINNED_ACTIONS.createPullRequest).with.base).toBe('trunk');
  });

  test('releases: observe reads the one deployment as the status role, outside any environment, and uploads the reading', () => {
    const { doc, text } = workflow(deploying, 'releases');
    const job = doc.jobs.observe;
    expect(job.permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
    expect(job.environment).toBeUndefined();
    expect(job.concurrency).toEqual({ 'group': 'releases-team-a', 'cancel-in-progress': false });
    expect(step(doc, 'observe', PINNED_ACTIONS.configureAwsCredentials).with).toEqual({
      'role-to-assume': ROLE_ARN.replace(/role\/.*$/, 'role/team-a-github-status'),
      'aws-region': 'eu-west-1',
      'role-session-name': 'team-a-releases',
      'role-duration-seconds': job['timeout-minutes'] * 60,
    });
    // Within the status role's session, and no shorter than STS allows (15 minutes).
    expect(job['timeout-minutes'] * 60).toBeLessThanOrEqual(READ_SESSION_SECONDS);
    expect(job['timeout-minutes'] * 60).toBeGreaterThanOrEqual(900);
    expect(job.steps.map((s: any) => s.run ?? s.uses)).toEqual([
      PINNED_ACTIONS.checkout, PINNED_ACTIONS.setupNode, 'npm ci', PINNED_ACTIONS.configureAwsCredentials,
      'mkdir -p "$RUNNER_TEMP/observations"\nnpx bottlerocket-eks releases --observe "$RUNNER_TEMP/observations/default.json"',
      PINNED_ACTIONS.uploadArtifact,
    ]);
    expect(step(doc, 'observe', PINNED_ACTIONS.uploadArtifact).with).toEqual({
      'name': 'observation-default', 'path': '${{ runner.temp }}/observations/default.json', 'if-no-files-found': 'error',
    });
    expect(text).not.toMatch(/github-deploy|github-read|production/);
  });

  test('releases: plan, with no AWS credentials, writes the train into the job summary and gives the promotions due as its output', () => {
    const { doc } = workflow(deploying, 'releases');
    const job = doc.jobs.plan;
    expect(job.needs).toEqual('observe');
    // Also when a reading failed (the environments before it still move); never in a cancelled run.
    expect(job.if).toBe("github.ref == 'refs/heads/main' && !cancelled()");
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(step(doc, 'plan', PINNED_ACTIONS.configureAwsCredentials)).toBeUndefined();
    expect(job.outputs).toEqual({ due: '${{ steps.due.outputs.due }}' });
    expect(step(doc, 'plan', PINNED_ACTIONS.downloadArtifact).with).toEqual({ 'pattern': 'observation-*', 'merge-multiple': true, 'path': '${{ runner.temp }}/observations' });
    const train = 'npx bottlerocket-eks releases --observations "$RUNNER_TEMP/observations"';
    expect(run(doc, 'plan', 'Release train')).toBe(summaryScript(
      train, 'Bottlerocket release train', 'bottlerocket-eks releases exited $code: the release train could not be planned (see the log)',
      'bottlerocket-eks releases exited 1: an environment could not be read (its observe job failed, or CI does not deploy it); the train waits at it (see the summary)',
    ));
    expect(run(doc, 'plan', 'Release train')).toContain(`${train} | tee -a "$GITHUB_STEP_SUMMARY" || code=$?`);
    expect(run(doc, 'plan', 'Promotions due')).toContain(`${train} --due --json`);
    expect(job.steps.find((s: any) => s.name === 'Promotions due').id).toBe('due');
  });

  test('releases: the promotions due are written as one line of JSON, the promote job\'s matrix; none: []', () => {
    const script = run(workflow(deploying, 'releases').doc, 'plan', 'Promotions due');
    const pretty = JSON.stringify([{ release: '1.54.0-abcdef12', branch: 'bottlerocket-eks/release', applyArgs: '--apply' }], null, 2);
    const due = runWithFakeNpx(script, `cat <<'JSON'\n${pretty}\nJSON`);
    expect(due.result.status).toBe(0);
    expect(due.output).toBe('due=[{"release":"1.54.0-abcdef12","branch":"bottlerocket-eks/release","applyArgs":"--apply"}]\n');
    expect(due.calls).toEqual([`bottlerocket-eks releases --observations ${due.runnerTemp}/observations --due --json`]);
    expect(runWithFakeNpx(script, 'echo "[]"').output).toBe('due=[]\n');
    // Exit 1 with a list: an environment was not read (the train waits at it); the others' promotions go on.
    const partly = runWithFakeNpx(script, 'echo \'[{"release":"1.54.0-abcdef12","branch":"b","applyArgs":"--apply"}]\'; exit 1');
    expect(partly.result.status).toBe(0);
    expect(partly.output).toBe('due=[{"release":"1.54.0-abcdef12","branch":"b","applyArgs":"--apply"}]\n');
    // A failed command (no list) or a wrong usage fails the step: no output, so no promotion.
    for (const answer of ['echo "unexpected error" >&2; exit 1', 'echo "usage" >&2; exit 2', 'echo "{}"', 'echo "not json"']) {
      const failed = runWithFakeNpx(script, answer);
      expect([answer, failed.result.status === 0, failed.output]).toEqual([answer, false, '']);
    }
  });

  test('releases: the train in the summary; an environment not read is a warning, a failure an error', () => {
    const script = run(workflow(deploying, 'releases').doc, 'plan', 'Release train');
    const notRead = runWithFakeNpx(script, 'echo "prd: could not be read"; exit 1');
    expect(notRead.result.status).toBe(0);
    expect(notRead.result.stdout).toContain('::warning::bottlerocket-eks releases exited 1: an environment could not be read');
    expect(runWithFakeNpx(script, 'echo "train"').result.status).toBe(0);
    const wrong = runWithFakeNpx(script, 'exit 2');
    expect(wrong.result.status).toBe(2);
    expect(wrong.result.stdout).toContain('::error::bottlerocket-eks releases exited 2');
  });

  test('releases: promote, one job per promotion due, with no AWS credentials, writes it and opens the pull request of its branch', () => {
    const { doc } = workflow(deploying, 'releases');
    const job = doc.jobs.promote;
    expect(job.needs).toEqual('plan');
    expect(job.if).toBe("github.ref == 'refs/heads/main' && needs.plan.outputs.due != '[]'");
    expect(job.strategy).toEqual({ 'fail-fast': false, 'matrix': { include: '${{ fromJSON(needs.plan.outputs.due) }}' } });
    expect(job.permissions).toEqual({ 'contents': 'write', 'pull-requests': 'write' });
    expect(job.environment).toBeUndefined();
    expect(job.concurrency).toEqual({ 'group': 'releases-${{ matrix.branch }}', 'cancel-in-progress': false });
    expect(job.steps.map((s: any) => s.uses ?? s.name)).toEqual([
      PINNED_ACTIONS.checkout, PINNED_ACTIONS.setupNode, 'Install dependencies', PINNED_ACTIONS.downloadArtifact,
      'Write the promotion into .projenrc.ts, regenerate and synthesize', PINNED_ACTIONS.createPullRequest,
    ]);
    const write = job.steps.find((s: any) => s.id === 'promotion');
    // The matrix reaches the script as data, through the environment.
    expect(write.env).toEqual({ APPLY_ARGS: '${{ matrix.applyArgs }}' });
    expect(write.run).not.toContain('${{');
    expect(write.run.split('\n')[0]).toBe('npx bottlerocket-eks releases --observations "$RUNNER_TEMP/observations" $APPLY_ARGS --pull-request "$RUNNER_TEMP/pull-request.md"');
    expect(step(doc, 'promote', PINNED_ACTIONS.createPullRequest).with).toEqual({
      'token': PULL_REQUEST_TOKEN,
      'branch': '${{ matrix.branch }}',
      'base': 'main',
      'commit-message': '${{ steps.promotion.outputs.title }}',
      'title': '${{ steps.promotion.outputs.title }}',
      'body': '${{ steps.promotion.outputs.body }}',
      'delete-branch': true,
    });
    // The same token as the upgrade workflow's pull requests.
    expect(step(doc, 'promote', PINNED_ACTIONS.createPullRequest).with.token).toBe(step(workflow(deploying, 'upgrade').doc, 'upgrade', PINNED_ACTIONS.createPullRequest).with.token);
  });

  test('releases: the promotion step passes each of applyArgs on, and gives the pull request\'s title (first line) and body (the rest) as outputs, outside the checkout', () => {
    const script = run(workflow(deploying, 'releases').doc, 'promote', 'Write the promotion into .projenrc.ts, regenerate and synthesize');
    // The fake command writes the pull request's text where --pull-request says.
    const answer = 'while [ $# -gt 0 ]; do if [ "$1" = --pull-request ]; then printf \'chore: Bottlerocket 1.54.0-abcdef12 on dev\\n\\nWhy: published.\\nbody<<x\\n\' > "$2"; fi; shift; done';
    const promoted = runWithFakeNpx(script, answer, { APPLY_ARGS: '--apply --environment dev' });
    expect(promoted.result.status).toBe(0);
    expect(promoted.calls).toEqual([
      `bottlerocket-eks releases --observations ${promoted.runnerTemp}/observations --apply --environment dev --pull-request ${promoted.runnerTemp}/pull-request.md`,
    ]);
    const [title, open, ...rest] = promoted.output.split('\n');
    expect(title).toBe('title=chore: Bottlerocket 1.54.0-abcdef12 on dev');
    const delimiter = open.replace(/^body<</, '');
    expect(delimiter).toMatch(/^body-[0-9a-f]{32}$/);
    expect(rest).toEqual(['', 'Why: published.', 'body<<x', delimiter, '']);
    // The pull request's commit takes every change in the checkout: the readings and the text are kept outside it.
    expect(fs.existsSync(path.join(promoted.runnerTemp, 'pull-request.md'))).toBe(true);
    expect(runWithFakeNpx(script, 'exit 1', { APPLY_ARGS: '--apply' }).result.status).not.toBe(0);
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
    expect(deploying['README.md']).toContain('| `releases` | daily, or by hand, on main | reads the node groups\' Bottlerocket releases as the status role');
    expect(readme).not.toContain('| `status` |');
    expect(readme).not.toContain('| `releases` |');
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

  test('releases: one observe job per environment with a role, each as its status role in its region; plan and promote over the train of every environment, in order', () => {
    const { doc, text } = workflow(out, 'releases');
    expect(Object.keys(doc.jobs)).toEqual(['observe-dev', 'observe-stg', 'observe-prd', 'plan', 'promote']);
    const credentials = (job: string) => step(doc, job, PINNED_ACTIONS.configureAwsCredentials)?.with;
    expect(credentials('observe-prd')).toMatchObject({ 'role-to-assume': PRD_ROLE.replace(/role\/.*$/, 'role/team-a-prd-github-status'), 'aws-region': 'us-east-1', 'role-session-name': 'team-a-prd-releases' });
    expect(credentials('observe-stg')).toMatchObject({ 'role-to-assume': ROLE_ARN.replace(/role\/.*$/, 'role/team-a-stg-github-status'), 'aws-region': 'eu-central-1' });
    expect(doc.jobs['observe-stg'].steps.find((s: any) => s.name === 'Read what the node groups run').run)
      .toBe('mkdir -p "$RUNNER_TEMP/observations"\nnpx bottlerocket-eks releases --environment stg --observe "$RUNNER_TEMP/observations/stg.json"');
    expect(step(doc, 'observe-stg', PINNED_ACTIONS.uploadArtifact).with).toMatchObject({ name: 'observation-stg', path: '${{ runner.temp }}/observations/stg.json' });
    expect(Object.values<any>(doc.jobs).map((j) => j.environment)).toEqual(Array(5).fill(undefined));
    expect(doc.jobs.plan.needs).toEqual(['observe-dev', 'observe-stg', 'observe-prd']);
    expect(credentials('plan')).toBeUndefined();
    expect(credentials('promote')).toBeUndefined();
    expect(run(doc, 'plan', 'Promotions due')).toContain('npx bottlerocket-eks releases --environments dev,stg,prd --observations "$RUNNER_TEMP/observations" --due --json');
    expect(doc.jobs.promote.steps.find((s: any) => s.id === 'promotion').run)
      .toContain('npx bottlerocket-eks releases --environments dev,stg,prd --observations "$RUNNER_TEMP/observations" $APPLY_ARGS --pull-request');
    expect(text).not.toMatch(/github-deploy|github-read/);
    for (const [id, job] of allJobs(out).filter(([, j]) => j.permissions?.['id-token'] === 'write')) {
      expect([id, job.permissions.contents, job.permissions['pull-requests']]).toEqual([id, 'read', undefined]);
    }
  });

  test('releases: an environment CI does not deploy gets no observe job, but keeps its place in the train', () => {
    const { doc } = workflow(synth({ environments: [{ name: 'dev' }, { name: 'prd', deployRoleArn: PRD_ROLE }] }), 'releases');
    expect(Object.keys(doc.jobs)).toEqual(['observe-prd', 'plan', 'promote']);
    expect(doc.jobs.plan.needs).toEqual('observe-prd');
    expect(run(doc, 'plan', 'Promotions due')).toContain('npx bottlerocket-eks releases --environments dev,prd --observations');
  });

  test.each(['deploy', 'diff', 'status', 'releases'])('%s with environments passes the GitHub Actions workflow schema (action-validator)', (name) => {
    expect(validateWorkflow(workflow(out, name).text).errors).toEqual([]);
  });

  test('an environment with no role of its own and no top-level one is left out of CI; none with a role: no deploy or diff workflow', () => {
    const some = synth({ environments: [{ name: 'dev' }, { name: 'prd', deployRoleArn: PRD_ROLE }] });
    expect(Object.keys(workflow(some, 'deploy').doc.jobs)).toEqual(['deploy-prd']);
    expect(Object.keys(workflow(some, 'diff').doc.jobs)).toEqual(['diff-prd']);
    expect(workflowFiles(synth({ environments: [{ name: 'dev' }] }))).toEqual(['.github/workflows/build.yml', '.github/workflows/upgrade.yml']);
    expect(Object.keys(workflow(some, 'releases').doc.jobs)).toEqual(['observe-prd', 'plan', 'promote']);
  });

  test('a bad deployEnvironment of an environment is refused in one line', () => {
    expect(() => synth({ environments: [{ name: 'dev', deployEnvironment: 'a/b' }] }))
      .toThrow(/^Invalid environments\[0\]\.deployEnvironment "a\/b": expected a GitHub environment name/);
  });

  test('the README lists each environment\'s GitHub environment, role and role template, and how to deploy each role', () => {
    const readme: string = out['README.md'];
    expect(readme).toContain('| `deploy` | pushes to main, or by hand | `npx projen deploy:dev`, then `npx projen deploy:stg`, then `npx projen deploy:prd`: one job per environment');
    expect(readme).toContain('| `releases` | daily, or by hand, on main | reads the node groups\' Bottlerocket releases of dev, stg, prd, each as its status role');
    expect(readme).toContain(`| prd | \`production\` | \`${PRD_ROLE}\` | \`templates/prd/github-deploy-role.yaml\` |`);
    expect(readme).toContain('aws cloudformation deploy --region us-east-1 --stack-name team-a-prd-github-deploy-role \\\n  --template-file templates/prd/github-deploy-role.yaml');
    const none: string = synth({ environments: [{ name: 'dev' }] })['README.md'];
    expect(none).toContain('| dev | `team-a-dev` | none: not deployed by CI | `templates/dev/github-deploy-role.yaml` |');
    expect(none).not.toContain('| `deploy` |');
  });
});
