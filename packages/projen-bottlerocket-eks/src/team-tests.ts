import { SETTINGS_FILE_NAME } from 'bottlerocket-eks-config';
import { Component, SampleFile, Task, typescript } from 'projen';

/** The folder of the team's tests, type-checked by the build with the apps. */
const TEST_DIR = 'test';

/**
 * The team repository's own tests: a sample `test/contract.test.ts` that projen writes once
 * (the team's from then on: projen never overwrites it), run by Node's built-in test runner
 * through tsx (no test framework to install), and the `test` task that runs every
 * `test/*.test.ts`. The tests read `cdk.out` and `templates/`, so the task runs after a
 * synth: `build` spawns it after its synth step, and `npx projen test` alone checks the last one.
 */
export class TeamTests extends Component {
  /** `test`: every `test/*.test.ts` under `node --test`. */
  public readonly task: Task;
  /** The sample test file, the team's after the first synthesis. */
  public readonly sample: SampleFile;

  constructor(project: typescript.TypeScriptProject) {
    super(project);
    project.tsconfig?.addInclude(`${TEST_DIR}/**/*.ts`);
    this.task = project.addTask('test', {
      description: `Run the team's tests (${TEST_DIR}/*.test.ts) on the last synth: cdk.out and templates/`,
      exec: `node --import tsx --test ${TEST_DIR}/*.test.ts`,
    });
    this.sample = new SampleFile(project, `${TEST_DIR}/contract.test.ts`, { contents: SAMPLE_TEST });
  }
}

const SAMPLE_TEST = `import * as path from 'path';
import { test } from 'node:test';
import { assertTeamContract, assertTemplatesUpToDate, teamDeployments } from 'bottlerocket-eks-stacks/lib/testing';

// This file is yours: projen wrote it once and never overwrites it. \`npx projen test\` runs
// every test/*.test.ts with Node's test runner (node:test and node:assert), after
// \`npx projen synth\`; \`npx projen build\` runs them after its synth.

// The repository's deployments: the one of ${SETTINGS_FILE_NAME}, or one per environment
// (cdk.out/<name>, templates/<name>/), so these tests hold as environments come and go.
for (const deployment of teamDeployments(path.join(__dirname, '..'))) {
  test(\`\${deployment.name}: the stacks keep the bottlerocket-eks contract\`, () => {
    // Imports of earlier stacks' exports only (network, cluster, nodegroup), the stack and
    // export names of the prefix, Bottlerocket node groups with the configured capacity type
    // and labels, IMDSv2 and encrypted volumes, no Lambda or custom resource.
    assertTeamContract(deployment.assembly, deployment.settings);
  });

  test(\`\${deployment.name}: templates/ is what the last synth wrote\`, () => {
    assertTemplatesUpToDate(deployment.assembly, deployment.templates);
  });
}
`;
