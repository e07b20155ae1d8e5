import * as React from 'react';

export type Perspective = 'admin' | 'dev';

/** What the console keeps in its own state: active project and perspective. */
export interface ShellState {
  activeNamespace: string;
  setActiveNamespace: (namespace: string) => void;
  perspective: Perspective;
  setPerspective: (perspective: Perspective) => void;
}

export const ALL_NAMESPACES = '#ALL_NS#';

export const ShellContext = React.createContext<ShellState>({
  activeNamespace: 'demo',
  setActiveNamespace: () => undefined,
  perspective: 'admin',
  setPerspective: () => undefined,
});

/** Facades that the plugin called but the shell does not implement; tests assert it is empty. */
export const missingFacades = new Set<string>();
