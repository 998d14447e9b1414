// Text tables of the commands' screens (status, upgrade, releases, cost).

/** Rows as columns padded to their widest cell (colour codes do not count), two spaces apart. */
export function table(rows: string[][]): string[] {
  const visible = (s: string) => s.replace(/\u001b\[\d+m/g, '').length;
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => visible(r[c] ?? ''))));
  return rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c] - visible(cell)))).join('  ')}`.trimEnd());
}
