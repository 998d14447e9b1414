import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { Property, PropertyType, SpecDatabase } from '@aws-cdk/service-spec-types';
import { parseDocument } from 'yaml';

/**
 * Validates CloudFormation resources against `@aws-cdk/aws-service-spec`, the resource
 * database aws-cdk-lib's L1 classes are generated from: known type, known properties (at
 * every depth), required properties present, primitive types, and the allowed values where
 * the spec lists them. Values made by intrinsic functions are unknown until deploy and are
 * skipped (only literals are checked).
 */

/** What one template (or one set of resources) came to. */
export interface SchemaReport {
  /** How many resources were checked. */
  readonly resources: number;
  /** One line per problem: `<Type> <LogicalId>: <problem>`; empty when all is well. */
  readonly findings: string[];
}

/** A CloudFormation template as parsed from JSON or YAML; only `Resources` is read. */
export interface CfnTemplate {
  readonly Resources?: Record<string, unknown>;
}

/** Keys a resource may have besides `Type` and `Properties` (the resource attributes). */
const RESOURCE_KEYS = new Set([
  'Type', 'Properties', 'DependsOn', 'Condition', 'Metadata',
  'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy',
]);

let database: SpecDatabase | undefined;

/** The spec, loaded once per test file (about 0.5 s and 150 MB). */
function spec(): SpecDatabase {
  database ??= loadAwsServiceSpecSync();
  return database;
}

/** Checks every resource of a template. */
export function validateTemplate(template: CfnTemplate): SchemaReport {
  const resources = Object.entries(template.Resources ?? {});
  return {
    resources: resources.length,
    findings: resources.flatMap(([logicalId, resource]) => validateResource(logicalId, resource)),
  };
}

/** Checks one resource (its `Type`, attributes and `Properties`); returns its findings. */
export function validateResource(logicalId: string, resource: unknown): string[] {
  if (!isPlainObject(resource) || typeof resource.Type !== 'string') return [`${logicalId}: a resource needs a Type`];
  const type = resource.Type;
  const findings: string[] = Object.keys(resource).filter((key) => !RESOURCE_KEYS.has(key)).map((key) => `unknown resource attribute ${key}`);
  const properties = resource.Properties ?? {};
  if (type.startsWith('Custom::')) {
    // Custom resources take any properties; CloudFormation needs only the ServiceToken.
    if (!isIntrinsic(properties) && !(isPlainObject(properties) && 'ServiceToken' in properties)) findings.push('missing required property ServiceToken');
  } else {
    const specResource = spec().lookup('resource', 'cloudFormationType', 'equals', type)[0];
    if (!specResource) findings.push('unknown resource type');
    else if (!isIntrinsic(properties) && !isPlainObject(properties)) findings.push('Properties must be an object');
    else findings.push(...checkObject(properties, specResource.properties, ''));
  }
  return findings.map((finding) => `${type} ${logicalId}: ${finding}`);
}

/**
 * Parses a CloudFormation YAML template, refusing anything that would not read back as plain
 * data: a short-form intrinsic (`!Ref`) would silently become a plain string in a YAML parser
 * that does not know CloudFormation's tags, and the validator would then check its argument.
 */
export function parseCfnYaml(text: string): CfnTemplate {
  const doc = parseDocument(text);
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
  if (problems.length > 0) throw new Error(`Not plain YAML (use long-form intrinsics such as {Ref: X}):\n${problems.join('\n')}`);
  return doc.toJS() as CfnTemplate;
}

/** `{Ref: ...}`, `{Fn::...: ...}` or `{Condition: ...}`: decided at deploy time. */
function isIntrinsic(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties of a resource or of a nested type: unknown keys, missing required keys, each value. */
function checkObject(value: unknown, properties: Record<string, Property>, path: string): string[] {
  if (isIntrinsic(value)) return [];
  if (!isPlainObject(value)) return [mismatch(path, 'an object', value)];
  const findings: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) findings.push(`missing required property ${path}${name}`);
  }
  for (const [name, child] of Object.entries(value)) {
    const property = properties[name];
    if (!property) findings.push(`unknown property ${path}${name}`);
    else findings.push(...checkValue(child, property.type, `${path}${name}`));
  }
  return findings;
}

/**
 * One value against one spec type. Stricter than CloudFormation, which also takes "2" for 2
 * and "true" for true: the stacks emit typed values, so a string here is a quoting slip.
 */
function checkValue(value: unknown, type: PropertyType, path: string): string[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') return [mismatch(path, 'a string', value)];
      return allowed(path, value, type.type === 'string' ? type.allowedValues : undefined);
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [mismatch(path, 'an integer', value)];
      return allowed(path, value, type.allowedValues);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [mismatch(path, 'a number', value)];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [mismatch(path, 'a boolean', value)];
    case 'null':
      return value === null ? [] : [mismatch(path, 'null', value)];
    case 'json':
      // Free-form JSON (a policy document, a settings blob): any object or list.
      return typeof value === 'object' && value !== null ? [] : [mismatch(path, 'a JSON object', value)];
    case 'tag':
      return checkObject(value, TAG_PROPERTIES, `${path}.`);
    case 'array':
      if (!Array.isArray(value)) return [mismatch(path, 'a list', value)];
      return value.flatMap((element, i) => checkValue(element, type.element, `${path}[${i}]`));
    case 'map':
      if (!isPlainObject(value)) return [mismatch(path, 'a map', value)];
      return Object.entries(value).flatMap(([key, element]) => checkValue(element, type.element, `${path}.${key}`));
    case 'ref':
      return checkObject(value, spec().get('typeDefinition', type.reference).properties, `${path}.`);
    case 'union':
      return checkUnion(value, type.types, path);
  }
}

/** A `{Key, Value}` tag: the legacy spec's built-in type. */
const TAG_PROPERTIES: Record<string, Property> = {
  Key: { required: true, type: { type: 'string' } },
  Value: { required: true, type: { type: 'string' } },
};

/** Valid when a member accepts it; otherwise the findings of the member of the value's kind, if there is one. */
function checkUnion(value: unknown, members: PropertyType[], path: string): string[] {
  const candidates = members.filter((member) => sameKind(value, member));
  if (candidates.length === 0) return [mismatch(path, `one of ${members.map((m) => m.type).join(' | ')}`, value)];
  const results = candidates.map((member) => checkValue(value, member, path));
  return results.find((findings) => findings.length === 0) ?? results[0];
}

/** Whether a value is of the JSON kind a spec type takes (string, number, boolean, list, object). */
function sameKind(value: unknown, type: PropertyType): boolean {
  switch (type.type) {
    case 'string': case 'date-time': return typeof value === 'string';
    case 'integer': case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'json': return typeof value === 'object' && value !== null;
    case 'map': case 'ref': case 'tag': return isPlainObject(value);
    case 'union': return type.types.some((member) => sameKind(value, member));
  }
}

function allowed<T extends string | number>(path: string, value: T, allowedValues: T[] | undefined): string[] {
  if (!allowedValues || allowedValues.includes(value)) return [];
  return [`${path} ${JSON.stringify(value)} is not one of ${allowedValues.join(', ')}`];
}

function mismatch(path: string, expected: string, value: unknown): string {
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
  return `${path} must be ${expected}, got ${got}`;
}
