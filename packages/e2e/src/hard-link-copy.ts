import * as fs from 'fs';
import * as path from 'path';

/**
 * Makes `to` a copy of the tree at `from` in which every file is a hard link to the original
 * (no data is copied, so an install of thousands of files is copied in a moment) and every
 * symbolic link is a link of its own to the same target. Only for trees that are replaced
 * rather than written in place: a write into a linked file changes the original. Files for
 * which `copy` is true are copied instead (files a command rewrites where they are).
 */
export function hardLinkCopy(from: string, to: string, copy: (relative: string) => boolean = () => false, relative = ''): void {
  fs.mkdirSync(path.join(to, relative), { recursive: true });
  for (const entry of fs.readdirSync(path.join(from, relative), { withFileTypes: true })) {
    const child = path.join(relative, entry.name);
    const [source, target] = [path.join(from, child), path.join(to, child)];
    if (entry.isDirectory()) hardLinkCopy(from, to, copy, child);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else if (copy(child)) fs.copyFileSync(source, target);
    else fs.linkSync(source, target);
  }
}
