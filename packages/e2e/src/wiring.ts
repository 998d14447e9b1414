import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/** One CloudFormation export and the stacks that import it. */
export interface ExportWire {
  readonly exportName: string;
  readonly exportedBy: string;
  readonly importedBy: string[];
}

/** Reads `<dir>/*.yaml` and returns every export with the templates that import it; also unresolved imports. */
export function readWiring(dir: string): { wires: ExportWire[]; unresolved: Array<{ importName: string; importedBy: string }> } {
  const templates = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => ({ name: path.basename(f, '.yaml'), template: parse(fs.readFileSync(path.join(dir, f), 'utf-8')) }));
  const wires = new Map<string, { exportedBy: string; importedBy: string[] }>();
  for (const { name, template } of templates) {
    for (const output of Object.values<any>(template.Outputs ?? {})) {
      if (typeof output.Export?.Name === 'string') wires.set(output.Export.Name, { exportedBy: name, importedBy: [] });
    }
  }
  const unresolved: Array<{ importName: string; importedBy: string }> = [];
  for (const { name, template } of templates) {
    for (const importName of new Set(importsOf(template))) {
      const wire = wires.get(importName);
      if (wire) wire.importedBy.push(name);
      else unresolved.push({ importName, importedBy: name });
    }
  }
  return {
    wires: [...wires.entries()].map(([exportName, w]) => ({ exportName, ...w })),
    unresolved,
  };
}

function importsOf(node: any): string[] {
  if (Array.isArray(node)) return node.flatMap(importsOf);
  if (node && typeof node === 'object') {
    if (typeof node['Fn::ImportValue'] === 'string') return [node['Fn::ImportValue']];
    return Object.values(node).flatMap(importsOf);
  }
  return [];
}
