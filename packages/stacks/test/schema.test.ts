import * as fs from 'fs';
import * as path from 'path';
import { CfnTemplate, parseCfnYaml, validateTemplate } from 'bottlerocket-eks-test-support';
import { SETTINGS_VARIANTS, synthAll } from './helpers';

/** Settings that change which resources and property values the stacks emit. */
const VARIANTS = SETTINGS_VARIANTS;

const TEMPLATES_DIR = path.join(__dirname, '..', '..', '..', 'templates');

/** [name, resource count, template]: every synthesized stack of every variant, then every committed template. */
function everyTemplate(): [string, number, CfnTemplate][] {
  const result: [string, CfnTemplate][] = [];
  for (const [variant, settings] of Object.entries(VARIANTS)) {
    for (const [kind, template] of Object.entries(synthAll(settings).templates)) result.push([`stack ${kind} (${variant})`, template.toJSON()]);
  }
  for (const file of fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    result.push([`templates/${file}`, parseCfnYaml(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf-8'))]);
  }
  return result.map(([name, template]) => [name, Object.keys(template.Resources ?? {}).length, template]);
}

describe('every resource validates against the CloudFormation resource spec (@aws-cdk/aws-service-spec)', () => {
  const templates = everyTemplate();
  const total = templates.reduce((sum, [, count]) => sum + count, 0);

  test('covers the three committed templates and every stack of every variant', () => {
    expect(templates.filter(([name]) => name.startsWith('templates/')).map(([name]) => name))
      .toEqual(expect.arrayContaining(['templates/cluster.yaml', 'templates/network.yaml', 'templates/nodegroup.yaml']));
    expect(templates).toHaveLength(3 * Object.keys(VARIANTS).length + fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).length);
  });

  test.each(templates)('%s: validates %d resources', (_name, count, template) => {
    const report = validateTemplate(template);
    expect(report.findings).toEqual([]);
    expect(report.resources).toBe(count);
    expect(count).toBeGreaterThan(0);
  });

  // A floor, so a template that silently lost its resources cannot pass by having nothing to check.
  test(`validates ${total} resources in all`, () => {
    expect(total).toBeGreaterThanOrEqual(120);
  });
});
