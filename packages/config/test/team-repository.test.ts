import {
  deploymentPaths, PREFLIGHT_FLAGS, preflightCommandLine, SETTINGS_FILE_NAME, STACK_CLASS_NAMES, StackKind, statusCommandLine, synthEntryPath,
  teamTaskCommand, templateFileName, unprotectCommandLine, upgradeCommandLine,
} from '../src';

describe('the layout of a team repository', () => {
  test('its one deployment: the settings file, cdk.out and templates/ at the root', () => {
    expect(deploymentPaths()).toEqual({
      settingsFile: SETTINGS_FILE_NAME, assembly: 'cdk.out', templates: 'templates', upgradeRecord: 'bottlerocket-eks.upgrade.json',
    });
    expect(SETTINGS_FILE_NAME).toBe('bottlerocket-eks.settings.json');
  });

  test('an environment: its own settings file, and its folder in cdk.out and templates/', () => {
    expect(deploymentPaths('prd')).toEqual({
      settingsFile: 'bottlerocket-eks.prd.settings.json', assembly: 'cdk.out/prd', templates: 'templates/prd', upgradeRecord: 'bottlerocket-eks.prd.upgrade.json',
    });
  });

  test('paths are joined with / whatever the OS: they go into generated files', () => {
    expect(Object.values(deploymentPaths('dev')).every((p) => !p.includes('\\'))).toBe(true);
  });

  test('each stack kind has its template file and its stack class', () => {
    expect(Object.values(StackKind).map(templateFileName)).toEqual(['network.yaml', 'cluster.yaml', 'nodegroup.yaml']);
    expect(Object.keys(STACK_CLASS_NAMES).sort()).toEqual(Object.values(StackKind).sort());
  });

  test('the synth entry, from the root or from an app folder', () => {
    expect(synthEntryPath('.')).toBe('./node_modules/bottlerocket-eks-stacks/lib/all-apps.js');
    expect(synthEntryPath('../..')).toBe('../../node_modules/bottlerocket-eks-stacks/lib/all-apps.js');
  });
});

describe('the preflight command line', () => {
  test('plain, and with each option in a fixed order', () => {
    expect(preflightCommandLine()).toBe('bottlerocket-eks preflight');
    expect(preflightCommandLine({ environment: 'dev' })).toBe('bottlerocket-eks preflight --environment dev');
    expect(preflightCommandLine({ assembly: 'cdk.out', environment: 'dev', brief: true }))
      .toBe('bottlerocket-eks preflight --brief --environment dev --assembly cdk.out');
    expect(preflightCommandLine({ confirm: '{args.confirm}', destroy: true, brief: true }))
      .toBe('bottlerocket-eks preflight --brief --destroy --confirm={args.confirm}');
  });

  test('the flags are named as the command takes them', () => {
    for (const [key, flag] of Object.entries(PREFLIGHT_FLAGS)) expect(flag).toBe(key);
  });
});

describe('the status and upgrade command lines', () => {
  test('plain, and with each option in a fixed order', () => {
    expect(statusCommandLine()).toBe('bottlerocket-eks status');
    expect(statusCommandLine({ assembly: 'cdk.out/dev', environment: 'dev' })).toBe('bottlerocket-eks status --environment dev --assembly cdk.out/dev');
    expect(upgradeCommandLine()).toBe('bottlerocket-eks upgrade');
    expect(upgradeCommandLine({ environment: 'prd' })).toBe('bottlerocket-eks upgrade --environment prd');
    expect(unprotectCommandLine({ environment: 'prd', confirm: 'team-prd' })).toBe('bottlerocket-eks unprotect --environment prd --confirm=team-prd');
  });
});

test('a team task as messages name it', () => {
  expect(teamTaskCommand('status')).toBe('npx projen status');
  expect(teamTaskCommand('kubernetesUpgrade', 'dev', '--apply')).toBe('npx projen kubernetes-upgrade:dev -- --apply');
});
