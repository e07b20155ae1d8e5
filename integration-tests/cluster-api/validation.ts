import type { K8sObject } from './store';
import type { ResourceType } from './resources';
import type { StatusCause } from './status';
import { record as asRecord } from './objects';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/;

const isSubdomain = (value: string): boolean =>
  value.length <= 253 && value.split('.').every((label) => DNS1123_LABEL.test(label));

const cause = (field: string, message: string, reason = 'FieldValueInvalid'): StatusCause => ({
  reason,
  message,
  field,
});

/** Validates a metadata.name as the API server does for the kind's name rule. */
export const validateName = (type: ResourceType, name: string | undefined): StatusCause[] => {
  if (!name)
    return [
      cause(
        'metadata.name',
        'Required value: name or generateName is required',
        'FieldValueRequired',
      ),
    ];
  switch (type.nameRule) {
    case 'label-1035':
      return name.length <= 63 && DNS1035_LABEL.test(name)
        ? []
        : [
            cause(
              'metadata.name',
              `Invalid value: "${name}": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character`,
            ),
          ];
    case 'label-1123':
      return name.length <= 63 && DNS1123_LABEL.test(name)
        ? []
        : [
            cause(
              'metadata.name',
              `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
            ),
          ];
    case 'subdomain':
      return isSubdomain(name)
        ? []
        : [
            cause(
              'metadata.name',
              `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
            ),
          ];
  }
};

/** Label and annotation keys: optional DNS subdomain prefix, then a qualified name of ≤ 63. */
export const validateQualifiedKey = (key: string): string | undefined => {
  const parts = key.split('/');
  if (parts.length > 2)
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.'";
  const [prefixOrName = '', maybeName] = parts;
  const name = maybeName ?? prefixOrName;
  if (maybeName !== undefined && (!prefixOrName || !isSubdomain(prefixOrName))) {
    return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'";
  }
  if (!name || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, and be no more than 63 characters";
  }
  return undefined;
};

const validateLabels = (labels: Record<string, string> | undefined, field: string): StatusCause[] =>
  Object.entries(labels ?? {}).flatMap(([key, value]) => {
    const problems: StatusCause[] = [];
    const keyProblem = validateQualifiedKey(key);
    if (keyProblem) problems.push(cause(field, `Invalid value: "${key}": ${keyProblem}`));
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      problems.push(
        cause(
          field,
          `Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
        ),
      );
    }
    return problems;
  });

const validateQuantities = (resources: unknown, field: string): StatusCause[] => {
  const problems: StatusCause[] = [];
  for (const kind of ['requests', 'limits']) {
    for (const [name, value] of Object.entries(asRecord(asRecord(resources)[kind]))) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const text = String(value);
      if (!QUANTITY.test(text) || text.startsWith('-')) {
        problems.push(
          cause(
            `${field}.${kind}.${name}`,
            `Invalid value: "${text}": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
          ),
        );
      }
    }
  }
  return problems;
};

const podSpecOf = (object: K8sObject): Record<string, unknown> | undefined => {
  if (object.kind === 'Pod') return asRecord(object.spec);
  const template = asRecord(asRecord(object.spec).template);
  return Object.keys(template).length ? asRecord(template.spec) : undefined;
};

/** Everything the in-memory API checks beyond names: labels, quantities, required fields, hosts. */
export const validateObject = (
  type: ResourceType,
  object: K8sObject,
  domain: string,
): StatusCause[] => {
  const problems = [
    ...validateName(type, object.metadata.name),
    ...validateLabels(object.metadata.labels, 'metadata.labels'),
  ];
  for (const key of Object.keys(object.metadata.annotations ?? {})) {
    const problem = validateQualifiedKey(key);
    if (problem)
      problems.push(cause('metadata.annotations', `Invalid value: "${key}": ${problem}`));
  }
  const podSpec = podSpecOf(object);
  if (podSpec) {
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    if (containers.length === 0)
      problems.push(cause('spec.template.spec.containers', 'Required value', 'FieldValueRequired'));
    containers.forEach((container, index) => {
      const c = asRecord(container);
      if (!c.name)
        problems.push(
          cause(
            `spec.template.spec.containers[${index}].name`,
            'Required value',
            'FieldValueRequired',
          ),
        );
      if (!c.image && type.kind !== 'Deployment')
        problems.push(
          cause(
            `spec.template.spec.containers[${index}].image`,
            'Required value',
            'FieldValueRequired',
          ),
        );
      problems.push(
        ...validateQuantities(c.resources, `spec.template.spec.containers[${index}].resources`),
      );
    });
    const selector = asRecord(podSpec.nodeSelector);
    problems.push(
      ...validateLabels(selector as Record<string, string>, 'spec.template.spec.nodeSelector'),
    );
  }
  if (type.kind === 'PersistentVolumeClaim') {
    problems.push(...validateQuantities(asRecord(object.spec).resources, 'spec.resources'));
    const storage = asRecord(asRecord(asRecord(object.spec).resources).requests).storage;
    if (!storage)
      problems.push(cause('spec.resources[storage]', 'Required value', 'FieldValueRequired'));
  }
  if (type.kind === 'Route') {
    const spec = asRecord(object.spec);
    const host = typeof spec.host === 'string' ? spec.host : '';
    if (host) {
      if (!isSubdomain(host) || host.split('.').some((label) => label.length > 63)) {
        problems.push(
          cause(
            'spec.host',
            `Invalid value: "${host}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
          ),
        );
      }
    } else {
      const generated = `${object.metadata.name ?? ''}-${object.metadata.namespace ?? ''}`;
      if (generated.length > 63) {
        problems.push(
          cause(
            'spec.host',
            `Invalid value: "${generated}.${domain}": must be no more than 63 characters`,
          ),
        );
      }
    }
    if (!asRecord(spec.to).name)
      problems.push(cause('spec.to.name', 'Required value', 'FieldValueRequired'));
  }
  if (type.kind === 'Service') {
    const ports = asRecord(object.spec).ports;
    if (!Array.isArray(ports) || ports.length === 0)
      problems.push(cause('spec.ports', 'Required value', 'FieldValueRequired'));
  }
  return problems;
};
