/**
 * `pjPrefix` -> `pj-prefix`: the command-line spelling of an option, the one `projen new`
 * derives; here because both command lines that take settings as flags (create-bottlerocket-eks
 * and the project type reading `projen new`'s flags back) must spell them alike.
 */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `pjPrefix` -> `--pj-prefix`: the command-line flag of an option. */
export function optionFlag(name: string): string {
  return `--${kebabCase(name)}`;
}

/** The option path of an extra node group's option, as messages name it: `extraNodegroups[0].instanceTypes`. */
export function extraNodegroupOption(index: number, key: string): string {
  return `extraNodegroups[${index}].${key}`;
}

/**
 * The known name closest to `name` (by edit distance, case-insensitive), if one is close
 * enough to be a likely misspelling: for "did you mean instanceTypes?".
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
