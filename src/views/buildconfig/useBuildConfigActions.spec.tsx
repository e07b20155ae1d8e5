import * as React from 'react';
import { render, screen } from '@testing-library/react';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import type { BuildConfig } from '../../model/shared';
import { sdkDouble } from '../../test-support/console-sdk-double';
import { useBuildConfigActions } from './useBuildConfigActions';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

const bc = (
  annotations?: Record<string, string>,
  type: 'Source' | 'Custom' = 'Source',
): BuildConfig => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name: 'shop', namespace: 'demo', ...(annotations ? { annotations } : {}) },
  spec: {
    source: { type: 'Git', git: { uri: 'https://git.example.com/shop.git' } },
    strategy:
      type === 'Source'
        ? { type, sourceStrategy: { from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9' } } }
        : { type },
  },
});

const Probe: React.FC<{ scope: unknown }> = ({ scope }) => {
  const [actions, loaded] = useBuildConfigActions(scope);
  return (
    <ul data-loaded={String(loaded)}>
      {actions.map((action: Action) => (
        <li key={action.id} data-disabled={String(Boolean(action.disabled))}>
          {action.label}
          {`|${action.disabledTooltip ?? ''}`}
        </li>
      ))}
    </ul>
  );
};

describe('useBuildConfigActions', () => {
  it('takes the 4.21 scope and offers "Use pip cache…" to an editor', () => {
    sdkDouble.setAccess(true, false);
    render(<Probe scope={{ buildConfig: bc(), latestBuild: undefined }} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Use pip cache…');
    expect(items[0]).toHaveAttribute('data-disabled', 'false');
  });

  it('offers "Stop using" once PipCache set the env, also for the object passed directly', () => {
    sdkDouble.setAccess(true, false);
    render(<Probe scope={bc({ 'pipcache-plugin/uses': 'demo/pipcache' })} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent.split('|')[0])).toEqual([
      'Change pip cache…',
      'Stop using pip cache',
    ]);
  });

  it('disables the actions with the reason for a user who may not patch', () => {
    sdkDouble.setAccess(false, false);
    render(<Probe scope={{ buildConfig: bc() }} />);
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('data-disabled', 'true');
    expect(item).toHaveTextContent('You may not change BuildConfigs in project demo.');
  });

  it('explains why a Custom strategy cannot use a cache, and gives nothing for no object', () => {
    sdkDouble.setAccess(true, false);
    const { unmount } = render(<Probe scope={{ buildConfig: bc(undefined, 'Custom') }} />);
    expect(screen.getByRole('listitem')).toHaveTextContent('Custom strategy have no environment');
    unmount();
    render(<Probe scope={undefined} />);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });
});
