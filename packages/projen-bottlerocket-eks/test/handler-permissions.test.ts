import * as fs from 'fs';
import * as path from 'path';
import { deployHandlerPermissions, handlerPermissionsModule, ProviderSchema, SchemaSource } from '../src/maintenance/handler-permissions';

// Trimmed copies of published resource provider schemas: the format the refresh script reads.
const FIXTURES = path.join(__dirname, 'fixtures', 'schemas');
const schema = (file: string): ProviderSchema => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf-8'));
const SOURCES: SchemaSource[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'SOURCES.json'), 'utf-8'));

describe('the handler permissions the deploy role is made of, read from resource provider schemas', () => {
  test('take the create, read, update and delete handlers\' permissions, sorted and once each; never list', () => {
    const permissions = deployHandlerPermissions(schema('aws-eks-nodegroup.json'));
    expect(Object.keys(permissions)).toEqual(['create', 'read', 'update', 'delete']);
    expect(permissions.create).toEqual([...permissions.create].sort());
    expect(permissions.create).toEqual(expect.arrayContaining(['eks:CreateNodegroup', 'ec2:RunInstances', 'ec2:CreateTags', 'iam:PassRole']));
    expect(Object.values(permissions).flat()).not.toContain('eks:ListNodegroups');
  });

  test('a handler the schema lacks is left out; a type CloudFormation runs itself has none', () => {
    expect(Object.keys(deployHandlerPermissions(schema('aws-iam-policy.json')))).toEqual(['create', 'update', 'delete']);
    expect(deployHandlerPermissions(schema('aws-cloudformation-waitconditionhandle.json'))).toEqual({});
  });

  test('the module names each type\'s source and reads back as the same data', () => {
    const schemas = ['aws-eks-nodegroup.json', 'aws-iam-policy.json', 'aws-cloudformation-waitconditionhandle.json'].map(schema);
    const text = handlerPermissionsModule(schemas, SOURCES, '2026-12-03');
    expect(text).toContain('read on 2026-12-03');
    expect(text).toMatch(/AWS::EKS::Nodegroup: [\w.-]+\/[\w.-]+\/[\w./-]+\.json@[0-9a-f]{40}/);
    // The generated module is plain data: evaluate its two objects.
    const data = (name: string) => new Function(`return ${text.split(`export const ${name}: `)[1].split(' = ')[1].split(';\n')[0]}`)();
    expect(data('HANDLER_PERMISSIONS')['AWS::EKS::Nodegroup']).toEqual(deployHandlerPermissions(schemas[0]));
    expect(Object.keys(data('HANDLER_PERMISSIONS_SOURCES'))).toEqual(['AWS::CloudFormation::WaitConditionHandle', 'AWS::EKS::Nodegroup', 'AWS::IAM::Policy']);
  });

  test('a schema without a source is refused, naming the type', () => {
    expect(() => handlerPermissionsModule([schema('aws-eks-nodegroup.json')], [], '2026-12-03')).toThrow(/AWS::EKS::Nodegroup: no source given/);
  });
});
