/** The cluster's optional parts, as the in-memory cluster's control API reports them. */
export interface ShellCapabilities {
  build: boolean;
  monitoring: boolean;
  developerPerspective: boolean;
}

let capabilities: ShellCapabilities = {
  build: true,
  monitoring: true,
  developerPerspective: false,
};

/** Reads the capabilities once at start, as the console reads its flags before rendering. */
export const loadCapabilities = async (): Promise<void> => {
  const response = await fetch('/__cluster/capabilities');
  if (response.ok) capabilities = (await response.json()) as ShellCapabilities;
};

export const shellCapabilities = (): ShellCapabilities => capabilities;

/**
 * The console's feature flags that the shell answers. `OPENSHIFT_BUILDCONFIG` is false on a
 * cluster without the Build capability; `PROMETHEUS` is false without cluster monitoring. Any
 * other flag is unknown here, which the console treats as not set.
 */
export const shellFlags = (): Record<string, boolean> => ({
  OPENSHIFT_BUILDCONFIG: capabilities.build,
  OPENSHIFT_BUILD: capabilities.build,
  PROMETHEUS: capabilities.monitoring,
});
