import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom-v5-compat';
import { k8sCreate, sdkDouble } from '../../test-support/console-sdk-double';
import { anchorDeployment } from '../../test-support/fixtures';
import PipCacheCreatePage from './PipCacheCreatePage';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

const pythonStream = {
  spec: { tags: [{ name: '3.12-ubi9' }, { name: '3.8-ubi8' }, { name: 'latest' }] },
};
const storageClasses = [
  {
    metadata: {
      name: 'standard-csi',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    allowVolumeExpansion: true,
  },
  { metadata: { name: 'fast-local' } },
];

const routes = [
  {
    metadata: { name: 'web' },
    spec: { to: { kind: 'Service', name: 'web' } },
    status: {
      ingress: [
        {
          host: 'web-demo.apps.c1.example.com',
          conditions: [{ type: 'Admitted', status: 'True' }],
        },
      ],
    },
  },
];

const setCluster = ({ python = true, caches = [] as string[] } = {}) => {
  if (python) sdkDouble.setWatch('ImageStream', pythonStream);
  else sdkDouble.setWatch('ImageStream', undefined, false, new Error('not found'));
  sdkDouble.setWatch('StorageClass', storageClasses);
  sdkDouble.setWatch('Route', routes);
  sdkDouble.setWatch('Project', {
    metadata: { name: 'demo', annotations: { 'openshift.io/node-selector': 'zone=a' } },
  });
  sdkDouble.setWatch(
    'Deployment',
    caches.map((name) => anchorDeployment(name)),
  );
};

const renderForm = () =>
  render(
    <MemoryRouter
      initialEntries={['/pipcache/ns/demo/~new']}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <Routes>
        <Route path="/pipcache/ns/:ns/~new" element={<PipCacheCreatePage />} />
        <Route path="/pipcache/ns/:ns/:name" element={<div data-test="details" />} />
      </Routes>
    </MemoryRouter>,
  );

describe('PipCacheCreatePage', () => {
  beforeEach(() => {
    setCluster();
  });

  it('shows the short default path and says what is wrong with a name as it is typed', async () => {
    renderForm();
    const name = await screen.findByTestId('pipcache-name');
    expect(name).toHaveValue('pipcache');
    await userEvent.clear(name);
    await userEvent.type(name, 'My_Cache');
    expect(screen.getByTestId('pipcache-name-error')).toHaveTextContent(
      "Use lowercase letters, digits and '-'",
    );
    await act(() => userEvent.click(screen.getByTestId('pipcache-create-submit')));
    expect(await screen.findByTestId('pipcache-form-errors')).toHaveTextContent(
      'Correct the fields marked in red.',
    );
    expect(k8sCreate).not.toHaveBeenCalled();
  });

  it('suggests a name that is free in the project and shows no error before a field is touched', async () => {
    setCluster({ caches: ['pipcache', 'pipcache-2'] });
    renderForm();
    const name = await screen.findByTestId('pipcache-name');
    expect(name).toHaveValue('pipcache-3');
    expect(screen.queryByTestId('pipcache-name-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('pipcache-form-errors')).not.toBeInTheDocument();
    // A taken name is reported as soon as it is typed.
    await userEvent.clear(name);
    await userEvent.type(name, 'pipcache');
    expect(screen.getByTestId('pipcache-name-error')).toHaveTextContent(
      'A pip cache called pipcache already exists in this project.',
    );
    // (A generous timeout: typing into the whole form is slow on a loaded machine.)
  }, 30_000);

  it('moves an untouched suggested name to a free one when a cache of that name appears', async () => {
    setCluster({ caches: [] });
    const view = renderForm();
    const name = await screen.findByTestId('pipcache-name');
    expect(name).toHaveValue('pipcache');
    // The watch delivers a cache called pipcache after the form opened.
    setCluster({ caches: ['pipcache'] });
    view.rerender(
      <MemoryRouter
        initialEntries={['/pipcache/ns/demo/~new']}
        future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
      >
        <Routes>
          <Route path="/pipcache/ns/:ns/~new" element={<PipCacheCreatePage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByDisplayValue('pipcache-2')).toBe(screen.getByTestId('pipcache-name'));
    expect(screen.queryByTestId('pipcache-name-error')).not.toBeInTheDocument();
    // A name the user typed stays as typed, and is reported where it was typed.
    await userEvent.clear(screen.getByTestId('pipcache-name'));
    await userEvent.type(screen.getByTestId('pipcache-name'), 'pipcache');
    expect(screen.getByTestId('pipcache-name')).toHaveValue('pipcache');
    expect(screen.getByTestId('pipcache-name-error')).toHaveTextContent(
      'A pip cache called pipcache already exists in this project.',
    );
  }, 30_000);

  it("names each Placement control uniquely: the build's node selector apart from the pod's", async () => {
    renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Placement' })),
    );
    await act(() =>
      userEvent.click(screen.getByRole('button', { name: 'Add a node selector for the build' })),
    );
    await act(() =>
      userEvent.click(
        screen.getByRole('button', { name: 'Add a node selector for the cache pod' }),
      ),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: "Key 1 of the build's node selector" }),
      'speed',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: "Value 1 of the cache pod's node selector" }),
      'fast',
    );
    expect(screen.getByTestId('pipcache-build-selector-key-0')).toHaveValue('speed');
    expect(screen.getByTestId('pipcache-pod-selector-value-0')).toHaveValue('fast');
    expect(
      screen.getByRole('button', { name: "Remove row 1 of the cache pod's node selector" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Key 1' })).not.toBeInTheDocument();
    // (A generous timeout: typing into the whole form is slow on a loaded machine.)
  }, 30_000);

  it('offers persistent storage with the size and the storage classes, the default marked', async () => {
    renderForm();
    await act(async () => userEvent.click(await screen.findByLabelText('Persistent volume')));
    expect(screen.getByTestId('pipcache-storage-size')).toHaveValue('5Gi');
    const select = screen.getByTestId('pipcache-storage-class');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Cluster default', 'standard-csi (default)', 'fast-local']);
    // Whether the volume can grow later is said before it is made.
    expect(screen.getByTestId('pipcache-storage-class-help')).toHaveTextContent(
      'standard-csi allows volume expansion: the cache can grow later from its page.',
    );
    await act(() => userEvent.selectOptions(select, 'fast-local'));
    const help = screen.getByTestId('pipcache-storage-class-help');
    expect(help).toHaveTextContent(
      'fast-local cannot expand volumes: when the cache is full it can only be emptied.',
    );
    expect(help.closest('.pf-m-warning')).not.toBeNull();
    await userEvent.clear(screen.getByTestId('pipcache-storage-size'));
    await userEvent.type(screen.getByTestId('pipcache-storage-size'), '2GB');
    expect(screen.getByTestId('pipcache-storage-size-error')).toHaveTextContent(
      'Enter a size such as 512Mi',
    );
  });

  it('offers only Python 3.9 or later, and the image path when the cluster cannot build', async () => {
    renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Image source' })),
    );
    const tags = within(screen.getByLabelText('Python version'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(tags).toEqual(['3.12-ubi9']);
  });

  it('falls back to an existing image when there is no python image stream', async () => {
    setCluster({ python: false });
    renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Image source' })),
    );
    expect(screen.getByLabelText('Build devpi-server in the cluster')).toBeDisabled();
    expect(screen.getByLabelText('Use an existing image')).toBeChecked();
  });

  it('labels the existing image field so that its label and the radio never share an id', async () => {
    const { container } = renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Image source' })),
    );
    await act(() => userEvent.click(screen.getByLabelText('Use an existing image')));
    const image = screen.getByLabelText('Image');
    expect(image.tagName).toBe('INPUT');
    expect(image).toHaveAttribute('type', 'text');
    const ids = Array.from(container.querySelectorAll('[id]')).map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it("offers the templates' DATA_VOLUME as the data folder, and refuses a system folder there", async () => {
    renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'devpi options' })),
    );
    const folder = screen.getByLabelText('Data folder');
    expect(folder).toHaveValue('/opt/app-root/data');
    await userEvent.clear(folder);
    await userEvent.type(folder, '/etc/devpi');
    expect(screen.getByTestId('pipcache-storage-dataPath-error')).toHaveTextContent(
      'Choose a folder of its own, such as /opt/app-root/data.',
    );
  });

  it('previews the generated route host with the apps domain learnt from the project', async () => {
    renderForm();
    await act(async () => userEvent.click(await screen.findByRole('button', { name: 'Route' })));
    expect(
      screen.getByText('Empty = generated: pipcache-demo.apps.c1.example.com'),
    ).toBeInTheDocument();
  });

  it('hints at the project default node selector in Placement', async () => {
    renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Placement' })),
    );
    expect(
      screen.getByText('This project places pods on nodes with zone=a by default.'),
    ).toBeInTheDocument();
  });

  it('explains the resource defaults, and says what a lower memory limit risks where it is typed', async () => {
    renderForm();
    await act(async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Resources' })),
    );
    expect(screen.getByTestId('pipcache-resources-explanation')).toHaveTextContent(
      'sized for the first wave of builds',
    );
    const limit = screen.getByTestId('pipcache-resources-memoryLimit');
    expect(limit).toHaveValue('1536Mi');
    expect(screen.getByTestId('pipcache-resources-cpuRequest')).toHaveValue('500m');
    expect(screen.queryByTestId('pipcache-resources-shortfalls')).toBeNull();
    await userEvent.clear(limit);
    await userEvent.type(limit, '768Mi');
    expect(screen.getByTestId('pipcache-resources-shortfalls')).toHaveTextContent(
      'The memory limit 768Mi is below 1536Mi',
    );
  });

  it('puts a cause the cluster refused under the field it belongs to, and creates nothing', async () => {
    sdkDouble.answerK8s(
      'create',
      () =>
        Promise.reject(
          Object.assign(new Error('Route.route.openshift.io "pipcache" is invalid'), {
            code: 422,
            json: {
              code: 422,
              reason: 'Invalid',
              message: 'Route is invalid',
              details: {
                causes: [
                  { field: 'spec.host', message: 'host is not allowed by the cluster policy' },
                ],
              },
            },
          }),
        ),
      'Route',
    );
    renderForm();
    await act(async () => userEvent.click(await screen.findByTestId('pipcache-create-submit')));
    await waitFor(() =>
      expect(screen.getByTestId('pipcache-create-report')).toHaveTextContent('nothing was created'),
    );
    expect(
      sdkDouble.k8sCalls('create').every((call) => call.options.queryParams?.dryRun === 'All'),
    ).toBe(true);
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Route' })));
    expect(screen.getByTestId('pipcache-route-host-error')).toHaveTextContent(
      'host is not allowed by the cluster policy',
    );
  });
});
