// The root tree has React 17's types, which lack React 18's client entry point; the 4.22
// generation of the shell uses only this much of it.
declare module 'react-dom/client' {
  import type * as React from 'react';

  export interface Root {
    render: (children: React.ReactNode) => void;
    unmount: () => void;
  }
  export function createRoot(container: Element): Root;
}
