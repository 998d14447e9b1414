#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { Settings } from 'bottlerocket-eks-config';
import { plainTemplates } from './plain-templates';
import { toYaml } from './yaml-template';

const USAGE = `Usage: bottlerocket-eks <command>

Commands:
  templates <dir> [--check]   Write network.yaml, cluster.yaml and nodegroup.yaml (plain
                              CloudFormation with a PJPrefix parameter) into <dir>; with
                              --check, write nothing and fail if <dir> differs.
  help                        Show this help.
`;

/** Runs the command line; returns the exit code. */
export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return templatesCommand(rest, out, err);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        err.write(`Unknown command "${command}".\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    // Settings errors are the user's to fix: print the message alone, no stack trace.
    if (Settings.isSettingsError(error)) {
      err.write(`${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

function templatesCommand(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const check = args.includes('--check');
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    err.write(`templates: missing <dir>.\n\n${USAGE}`);
    return 1;
  }
  const stale: string[] = [];
  for (const [kind, template] of Object.entries(plainTemplates())) {
    const file = path.join(dir, `${kind}.yaml`);
    const yaml = toYaml(template);
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf-8') !== yaml) stale.push(file);
    } else {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, yaml);
      out.write(`wrote ${file}\n`);
    }
  }
  if (stale.length > 0) {
    err.write(`Out of date: ${stale.join(', ')}. Run \`npx projen templates\` and commit the result.\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
