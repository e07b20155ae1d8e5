import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BuildConfig, Deployment, Route } from '../../model/k8s-types';
import { buildManifests } from '../../model/manifests';
import { defaultValues } from '../../model/values';
import { k8sPatch } from '../../sdk/console-sdk';
import EditCacheModal from './EditCacheModal';

jest.mock('../../sdk/console-sdk', () => ({ k8sPatch: jest.fn(), k8sGet: jest.fn() }));
const patch = k8sPatch as jest.MockedFunction<typeof k8sPatch>;

const objects = () => {
  const values = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker'],
    canBuild: true,
  });
  const planned = buildManifests(values, 'demo', (n) => new Uint8Array(n).fill(3), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((p) => p.object);
  const find = (kind: string) => {
    const found = planned.find((o) => o.kind === kind);
    if (!found) throw new Error(kind);
    return { ...found, metadata: { ...found.metadata, resourceVersion: '5' } };
  };
  return {
    deployment: find('Deployment') as Deployment,
    buildConfig: find('BuildConfig') as BuildConfig,
    route: find('Route') as Route,
  };
};

/** Clicks Save and lets the mocked cluster calls and the state updates they cause finish. */
const save = async () => {
  await act(async () => {
    await userEvent.click(screen.getByTestId('pipcache-edit-save'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
};

describe('EditCacheModal', () => {
  beforeEach(() => patch.mockReset());

  it('starts from the cache settings and shows errors under the fields, with Save disabled', async () => {
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={jest.fn()} />);
    const limit = screen.getByTestId('pipcache-edit-memory-limit');
    expect(limit).toHaveValue('768Mi');
    expect(screen.getByTestId('pipcache-edit-save')).toBeDisabled();
    await userEvent.clear(limit);
    await userEvent.type(limit, '2 lots');
    expect(screen.getByTestId('pipcache-edit-memory-limit-error')).toHaveTextContent(
      'Enter a size such as 512Mi',
    );
    expect(screen.getByTestId('pipcache-edit-save')).toBeDisabled();
    await userEvent.type(screen.getByTestId('pipcache-edit-timeout'), 'soon');
    expect(screen.getByTestId('pipcache-edit-timeout-error')).toHaveTextContent(
      'Enter a whole number of seconds.',
    );
    expect(patch).not.toHaveBeenCalled();
  });

  it('dry runs the guarded patch before applying it, then closes', async () => {
    patch.mockResolvedValue({});
    const closeModal = jest.fn();
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={closeModal} />);
    const limit = screen.getByTestId('pipcache-edit-memory-limit');
    await userEvent.clear(limit);
    await userEvent.type(limit, '1Gi');
    await save();
    expect(closeModal).toHaveBeenCalled();
    expect(patch.mock.calls.map(([options]) => options.queryParams?.dryRun ?? 'real')).toEqual([
      'All',
      'real',
    ]);
    expect(patch.mock.calls[1]?.[0].data[0]).toEqual({
      op: 'test',
      path: '/metadata/resourceVersion',
      value: '5',
    });
  });

  it('says what was refused and changes nothing when the dry run fails', async () => {
    patch.mockRejectedValue(
      Object.assign(new Error('quota exceeded'), {
        json: {
          code: 422,
          message: 'quota exceeded',
          details: { causes: [{ field: 'spec', message: 'quota exceeded' }] },
        },
      }),
    );
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={jest.fn()} />);
    await userEvent.click(screen.getByTestId('pipcache-edit-offline'));
    await save();
    expect(screen.getByTestId('pipcache-edit-report')).toHaveTextContent('Nothing was changed');
    expect(screen.getByTestId('pipcache-edit-report')).toHaveTextContent(
      'Deployment pipcache: refused: quota exceeded',
    );
    expect(patch).toHaveBeenCalledTimes(1);
  });
});
