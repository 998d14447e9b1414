import { parseArgs } from 'util';
import { CommandIo } from '../process/io';
import { exitOnUserError, usageError } from '../process/user-errors';
import { synthTeam } from '../synth/team-synth';

const USAGE = 'all-apps [--output <cdk.out> [--templates <dir> [--prune]]] [--environment <name> | --environments <name,...>] <main.ts>...';

/**
 * `node all-apps.js [flags] <main.ts>...`: every stack app of a team repository in one App
 * (see `synthTeam`). `--environment` picks the environment's settings file in a repository
 * of several; `--environments` synthesizes each.
 */
export function runAllApps(args: string[], io: CommandIo): number {
  return exitOnUserError(() => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string' },
        templates: { type: 'string' },
        prune: { type: 'boolean' },
        environment: { type: 'string' },
        environments: { type: 'string' },
      },
    });
    if (positionals.length === 0 || (values.templates && !values.output) || (values.prune && !values.templates)
      || (values.environment && values.environments) || (values.environments && !values.output)) {
      throw usageError(`expected ${USAGE}`);
    }
    return synthTeam({
      mainFiles: positionals,
      output: values.output,
      templates: values.templates,
      prune: values.prune,
      environment: values.environment,
      environments: values.environments?.split(',').filter((e) => e !== ''),
    }, io);
  });
}
