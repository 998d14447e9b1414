/**
 * Calls `visit` with every key and value of every object in a template fragment (through
 * arrays too), depth first: how intrinsic functions (`Ref`, `Fn::ImportValue`, ...) are found
 * wherever they sit. `visit` returning false keeps the walk out of that value.
 */
export function forEachEntry(node: unknown, visit: (key: string, value: unknown) => boolean | void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => forEachEntry(item, visit));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (visit(key, value) !== false) forEachEntry(value, visit);
    }
  }
}
