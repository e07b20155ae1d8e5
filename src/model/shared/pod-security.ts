/**
 * The essentials of OpenShift's restricted-v2 SCC and Pod Security "restricted" for a pod spec:
 * what every pod the project creates or ships must satisfy. Returns readable problems.
 */
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type?: string };
  readOnlyRootFilesystem?: boolean;
}

interface Container {
  name: string;
  securityContext?: SecurityContext;
}

export interface PodSpecLike {
  securityContext?: SecurityContext & { fsGroup?: number };
  containers?: Container[];
  initContainers?: Container[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  volumes?: Record<string, unknown>[];
}

const RESTRICTED_VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/** Problems that would make the pod fail restricted-v2 or Pod Security "restricted". */
export const restrictedProblems = (
  spec: PodSpecLike,
  { readOnlyRoot = true }: { readOnlyRoot?: boolean } = {},
): string[] => {
  const problems: string[] = [];
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push('uses host namespaces');
  if (spec.securityContext?.runAsUser !== undefined)
    problems.push('pins runAsUser (OpenShift assigns one)');
  if (spec.securityContext?.fsGroup !== undefined)
    problems.push('pins fsGroup (OpenShift assigns one)');
  for (const volume of spec.volumes ?? []) {
    if ('hostPath' in volume) problems.push(`volume ${String(volume.name)} is a hostPath`);
    const types = Object.keys(volume).filter((key) => key !== 'name');
    // Pod Security "restricted" admits only these volume types; any other (nfs, iscsi, …) fails.
    const other = types.filter((type) => !RESTRICTED_VOLUME_TYPES.includes(type));
    if (other.length > 0 && !types.includes('hostPath'))
      problems.push(
        `volume ${String(volume.name)} is of a type restricted forbids (${other.join(', ')})`,
      );
  }
  const podSeccomp = spec.securityContext?.seccompProfile?.type;
  const podNonRoot = spec.securityContext?.runAsNonRoot;
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const context = container.securityContext ?? {};
    const where = `container ${container.name}`;
    if (context.privileged) problems.push(`${where} is privileged`);
    if (context.allowPrivilegeEscalation !== false)
      problems.push(`${where} allows privilege escalation`);
    if (!(context.capabilities?.drop ?? []).includes('ALL'))
      problems.push(`${where} does not drop ALL capabilities`);
    if ((context.capabilities?.add ?? []).some((cap) => cap !== 'NET_BIND_SERVICE')) {
      problems.push(`${where} adds capabilities`);
    }
    if ((context.runAsNonRoot ?? podNonRoot) !== true) problems.push(`${where} may run as root`);
    if (context.runAsUser !== undefined)
      problems.push(`${where} pins runAsUser (OpenShift assigns one)`);
    const seccomp = context.seccompProfile?.type ?? podSeccomp;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
      problems.push(`${where} has no RuntimeDefault seccomp profile`);
    if (readOnlyRoot && context.readOnlyRootFilesystem !== true)
      problems.push(`${where} has a writable root filesystem`);
  }
  return problems;
};
