/**
 * Where a field the API server names in a 422 `Invalid` cause was typed in the form, so that
 * the cluster's message appears under that field rather than only in an alert.
 */
const RULES: { kind?: string; field: RegExp; formField: string }[] = [
  { field: /^metadata\.name$/, formField: 'name' },
  { kind: 'Route', field: /^spec\.host$/, formField: 'route.host' },
  { kind: 'Route', field: /^metadata\.annotations/, formField: 'route.allowedCidrs' },
  { kind: 'PersistentVolumeClaim', field: /^spec\.resources/, formField: 'storage.size' },
  {
    kind: 'PersistentVolumeClaim',
    field: /^spec\.storageClassName/,
    formField: 'storage.storageClass',
  },
  {
    kind: 'Deployment',
    field: /resources\.requests\.memory/,
    formField: 'resources.memoryRequest',
  },
  { kind: 'Deployment', field: /resources\.limits\.memory/, formField: 'resources.memoryLimit' },
  { kind: 'Deployment', field: /resources\.requests\.cpu/, formField: 'resources.cpuRequest' },
  { kind: 'Deployment', field: /resources\.limits\.cpu/, formField: 'resources.cpuLimit' },
  { kind: 'Deployment', field: /nodeSelector/, formField: 'placement.pods' },
  { kind: 'BuildConfig', field: /nodeSelector/, formField: 'placement.build' },
  { kind: 'BuildConfig', field: /git\.uri/, formField: 'image.gitUrl' },
  { kind: 'Deployment', field: /containers\[\d+\]\.image/, formField: 'image.reference' },
  { field: /^metadata\.labels/, formField: 'labels' },
];

/** The form field a server-side cause belongs to, or undefined when none fits. */
export const formFieldForCause = (kind: string, field: string | undefined): string | undefined =>
  field === undefined
    ? undefined
    : RULES.find((rule) => (!rule.kind || rule.kind === kind) && rule.field.test(field))?.formField;
