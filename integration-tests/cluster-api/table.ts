import type { ResourceType } from './resources';
import type { K8sObject } from './store';
import { record } from './objects';

/**
 * Server-side printing (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), which
 * `kubectl get` asks for: the columns the API server's printers give the kinds a cache uses,
 * and Name and Age for the rest.
 */

interface Column {
  name: string;
  type: string;
  format?: string;
  description: string;
  priority: number;
}

type Cell = string | number;

const column = (name: string, format?: string): Column => ({
  name,
  type: name === 'Restarts' || name === 'Data' ? 'integer' : 'string',
  ...(format ? { format } : {}),
  description: name,
  priority: 0,
});

/** The age as kubectl prints it (`42s`, `3m12s`, `5h`, `2d3h`), from Kubernetes' HumanDuration. */
export const humanDuration = (seconds: number): string => {
  if (seconds < -1) return '<invalid>';
  const s = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(s / 60);
  const hours = Math.floor(s / 3600);
  const days = Math.floor(s / 86400);
  if (s < 120) return `${s}s`;
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (hours < 3) return `${minutes}m`;
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (days < 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (years < 8) return `${years}y${days % 365}d`;
  return `${years}y`;
};

const age = (object: K8sObject): string => {
  const created = Date.parse(object.metadata.creationTimestamp ?? '');
  return Number.isNaN(created) ? '<unknown>' : humanDuration((Date.now() - created) / 1000);
};

/** A field as printed text: strings and numbers as they are, anything else the fallback. */
const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;

const none = (value: unknown): string => text(value) || '<none>';

interface Printer {
  columns: string[];
  cells: (object: K8sObject) => Cell[];
}

const count = (value: unknown): number => Object.keys(record(value)).length;

const PRINTERS: Record<string, Printer> = {
  ConfigMap: {
    columns: ['Data', 'Age'],
    cells: (o) => [count(o.data) + count(o.binaryData), age(o)],
  },
  Secret: {
    columns: ['Type', 'Data', 'Age'],
    cells: (o) => [text(o.type, 'Opaque'), count(o.data), age(o)],
  },
  Namespace: {
    columns: ['Status', 'Age'],
    cells: (o) => [text(record(o.status).phase, 'Active'), age(o)],
  },
  Project: {
    columns: ['Display Name', 'Status'],
    cells: (o) => [
      text(o.metadata.annotations?.['openshift.io/display-name']),
      text(record(o.status).phase, 'Active'),
    ],
  },
  Pod: {
    columns: ['Ready', 'Status', 'Restarts', 'Age'],
    cells: (o) => {
      const containers = (record(o.spec).containers ?? []) as unknown[];
      const statuses = (record(o.status).containerStatuses ?? []) as {
        ready?: boolean;
        restartCount?: number;
      }[];
      return [
        `${statuses.filter((s) => s.ready).length}/${containers.length}`,
        text(record(o.status).phase, 'Pending'),
        statuses.reduce((total, s) => total + (s.restartCount ?? 0), 0),
        age(o),
      ];
    },
  },
  Service: {
    columns: ['Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age'],
    cells: (o) => {
      const spec = record(o.spec);
      const ports = (spec.ports ?? []) as { port?: number; protocol?: string }[];
      return [
        text(spec.type, 'ClusterIP'),
        none(spec.clusterIP),
        '<none>',
        ports.map((p) => `${p.port ?? ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>',
        age(o),
      ];
    },
  },
  Deployment: {
    columns: ['Ready', 'Up-to-date', 'Available', 'Age'],
    cells: (o) => {
      const status = record(o.status);
      const replicas = (record(o.spec).replicas as number | undefined) ?? 1;
      return [
        `${(status.readyReplicas as number | undefined) ?? 0}/${replicas}`,
        (status.updatedReplicas as number | undefined) ?? 0,
        (status.availableReplicas as number | undefined) ?? 0,
        age(o),
      ];
    },
  },
  PersistentVolumeClaim: {
    columns: [
      'Status',
      'Volume',
      'Capacity',
      'Access Modes',
      'StorageClass',
      'VolumeAttributesClass',
      'Age',
    ],
    cells: (o) => {
      const spec = record(o.spec);
      const status = record(o.status);
      const bound = status.phase === 'Bound';
      const modes = (status.accessModes ?? spec.accessModes ?? []) as string[];
      const short: Record<string, string> = {
        ReadWriteOnce: 'RWO',
        ReadOnlyMany: 'ROX',
        ReadWriteMany: 'RWX',
        ReadWriteOncePod: 'RWOP',
      };
      return [
        text(status.phase, 'Pending'),
        text(spec.volumeName, ''),
        bound ? text(record(status.capacity).storage, '') : '',
        bound ? modes.map((m) => short[m] ?? m).join(',') : '',
        none(spec.storageClassName),
        '<unset>',
        age(o),
      ];
    },
  },
  NetworkPolicy: {
    columns: ['Pod-Selector', 'Age'],
    cells: (o) => {
      const labels = record(record(record(o.spec).podSelector).matchLabels);
      const selector = Object.entries(labels)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',');
      return [selector || '<none>', age(o)];
    },
  },
  Route: {
    columns: ['Host/Port', 'Path', 'Services', 'Port', 'Termination', 'Wildcard'],
    cells: (o) => {
      const spec = record(o.spec);
      const tls = record(spec.tls);
      const termination = tls.termination
        ? `${text(tls.termination)}${tls.insecureEdgeTerminationPolicy ? `/${text(tls.insecureEdgeTerminationPolicy)}` : ''}`
        : '';
      return [
        text(spec.host, ''),
        text(spec.path, ''),
        text(record(spec.to).name, ''),
        text(record(spec.port).targetPort, '<all>'),
        termination,
        text(spec.wildcardPolicy, 'None'),
      ];
    },
  },
};

/** Whether an Accept header asks for server-side printing. */
export const wantsTable = (accept: string | undefined): boolean =>
  (accept ?? '')
    .split(',')
    .some(
      (part) =>
        /;\s*as=Table\b/.test(part) &&
        /;\s*g=meta\.k8s\.io\b/.test(part) &&
        /;\s*v=v1\b/.test(part),
    );

/** A `meta.k8s.io/v1` Table of objects; rows carry what `includeObject` asks (default metadata). */
export const toTable = (
  type: ResourceType,
  objects: K8sObject[],
  meta: Record<string, unknown>,
  includeObject: string | null,
): Record<string, unknown> => {
  const printer = PRINTERS[type.kind] ?? { columns: ['Age'], cells: (o: K8sObject) => [age(o)] };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: meta,
    columnDefinitions: [column('Name', 'name'), ...printer.columns.map((name) => column(name))],
    rows: objects.map((object) => ({
      cells: [object.metadata.name ?? '', ...printer.cells(object)],
      object:
        includeObject === 'None'
          ? null
          : includeObject === 'Object'
            ? object
            : {
                kind: 'PartialObjectMetadata',
                apiVersion: 'meta.k8s.io/v1',
                metadata: object.metadata,
              },
    })),
  };
};
