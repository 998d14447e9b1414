import { main } from '../src/cli';

/** Runs the command line in-process and returns what a user would see. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: {} };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('bottlerocket-eks help', () => {
  test.each(['templates', 'templates-from', 'preflight'])('%s --help and -h print that command\'s help and exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run(command, flag);
      expect([code, err]).toEqual([0, '']);
      expect(out).toMatch(new RegExp(`^Usage: bottlerocket-eks ${command} `));
      expect(out).toContain('Exit codes: 0 ok, 1 refused or failed, 2 wrong usage.');
    }
  });

  test('help, --help and -h print every command; help <command> prints one', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const { code, out } = await run(...argv);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: bottlerocket-eks <command>/);
      for (const command of ['templates <dir>', 'templates-from <cdk.out>', 'preflight [--json', 'help [<command>]']) expect(out).toContain(command);
    }
    expect((await run('help', 'preflight')).out).toMatch(/^Usage: bottlerocket-eks preflight \[--json/);
  });

  test('no command, or an unknown one, is wrong usage: exit 2 with the help on stderr', async () => {
    expect(await run()).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^Usage: bottlerocket-eks <command>/) });
    expect(await run('deploy')).toMatchObject({ code: 2, err: expect.stringMatching(/^Unknown command "deploy"\.\n\nUsage: bottlerocket-eks <command>/) });
    expect(await run('help', 'deploy')).toMatchObject({ code: 2, err: expect.stringMatching(/^Unknown command "deploy"\./) });
  });

  test('a wrong argument of a command prints that command\'s help', async () => {
    const { code, err } = await run('templates');
    expect(code).toBe(2);
    expect(err).toMatch(/^templates: expected exactly one <dir>\.\n\nUsage: bottlerocket-eks templates <dir> \[--check\]/);
  });
});
