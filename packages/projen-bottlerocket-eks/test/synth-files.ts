import { Project } from 'projen';

/** Writes a project's files into its outdir, without the install that would follow (as `projen new --no-post`). */
export function synthFiles(project: Project): void {
  const before = process.env.PROJEN_DISABLE_POST;
  process.env.PROJEN_DISABLE_POST = 'true';
  try {
    project.synth();
  } finally {
    if (before === undefined) delete process.env.PROJEN_DISABLE_POST;
    else process.env.PROJEN_DISABLE_POST = before;
  }
}
