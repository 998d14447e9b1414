import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { synthAll } from './helpers';
import { tempDir } from './temp';
import { BottlerocketEksSettings, plainTemplates, SecurityProfile, StackKind, STANDARD_PROFILE_CONTROL_TOWER_FINDINGS } from '../src';

// The cfn-guard binary and the AWS Control Tower proactive-control rules, both bundled by
// @cdklabs/cdk-validator-cfnguard.
const VALIDATOR_DIR = path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
const RULES_DIR = path.join(VALIDATOR_DIR, 'rules', 'control-tower', 'cfn-guard');
const CFN_GUARD = path.join(VALIDATOR_DIR, 'bin', process.platform === 'darwin' ? 'macos' : 'ubuntu',
  process.arch === 'arm64' ? 'aarch64' : 'x86_64', 'cfn-guard');
const KEY_ARN = 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The Control Tower control ids each template fails, keyed like `templates`. */
function failedControls(templates: Record<string, any>): Record<string, string[]> {
  const dir = tempDir('control-tower');
  for (const [name, template] of Object.entries(templates)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(template));
  let output: string;
  try {
    output = execFileSync(CFN_GUARD, ['validate', '--data', dir, '--rules', RULES_DIR, '--output-format', 'json', '--show-summary', 'none', '--structured'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error: any) {
    // cfn-guard exits 19 when a rule fails; its report is still on stdout.
    if (error.status !== 19) throw error;
    output = error.stdout;
  }
  const result: Record<string, string[]> = {};
  for (const report of JSON.parse(output)) {
    const ids = new Set<string>();
    for (const failure of report.not_compliant) {
      for (const match of JSON.stringify(failure).matchAll(/\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/g)) ids.add(match[1]);
    }
    result[path.basename(report.name, '.json')] = [...ids].sort();
  }
  return result;
}

function synthTemplates(settings: BottlerocketEksSettings): Record<string, any> {
  const { templates } = synthAll(settings);
  return Object.fromEntries(Object.entries(templates).map(([kind, template]) => [kind, template.toJSON()]));
}

const STANDARD_FINDINGS = Object.fromEntries(
  Object.entries(STANDARD_PROFILE_CONTROL_TOWER_FINDINGS).map(([kind, findings]) => [kind, Object.keys(findings).sort()]));
const NO_FINDINGS = { [StackKind.NETWORK]: [], [StackKind.CLUSTER]: [], [StackKind.NODEGROUP]: [] };

describe('AWS Control Tower proactive controls', () => {
  test('the strict profile fails none on any stack', () => {
    expect(failedControls(synthTemplates({ pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT }))).toEqual(NO_FINDINGS);
  });

  test('the strict profile with a given key, a longer retention and extra node groups fails none', () => {
    expect(failedControls(synthTemplates({
      pjPrefix: 'team-a',
      securityProfile: SecurityProfile.STRICT,
      secretsKmsKeyArn: KEY_ARN,
      logRetentionDays: 731,
      extraNodegroups: [{ name: 'system', instanceTypes: ['m6i.large'] }],
    }))).toEqual(NO_FINDINGS);
  });

  test('the standard profile fails exactly the listed controls', () => {
    expect(failedControls(synthTemplates({ pjPrefix: 'team-a' }))).toEqual(STANDARD_FINDINGS);
  });

  test('the plain templates fail exactly the listed controls', () => {
    expect(failedControls(plainTemplates({ outdir: tempDir('plain') }))).toEqual(STANDARD_FINDINGS);
  });

  test('the README lists each standard-profile finding with its reason', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Security profiles'));
    const listed = [...section.matchAll(/^\| (\w+) \| (CT\.[A-Z0-9]+\.PR\.\d+) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    const expected = Object.entries(STANDARD_PROFILE_CONTROL_TOWER_FINDINGS)
      .flatMap(([kind, findings]) => Object.entries(findings).map(([id, reason]) => [kind, id, reason]));
    expect(listed).toEqual(expected);
  });
});
