import * as React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom-v5-compat';
import { k8sCreate, sdkDouble } from '../../test-support/console-sdk-double';
import PipCacheCreatePage from './PipCacheCreatePage';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

/**
 * A made-up language whose messages differ from the English keys, so that a message shown
 * untranslated (a literal in the model, or one that bypasses the plugin's namespace) fails.
 */
const PSEUDO: Record<string, string> = {
  "Use lowercase letters, digits and '-'; start with a letter and end with a letter or digit.":
    '[xx] Kleinbuchstaben, Ziffern und Bindestrich.',
  'Enter a value greater than zero.': '[xx] Einen Wert größer als null eingeben.',
  'The request must not be larger than the limit ({{limit}}).':
    '[xx] Die Anforderung darf das Limit ({{limit}}) nicht übersteigen.',
  'Wildcard hosts are not allowed; enter one host name.': '[xx] Keine Platzhalter-Hosts.',
  '{{value}} is not a CIDR such as 10.0.0.0/8 or 2001:db8::/32.': '[xx] {{value}} ist kein CIDR.',
  'Choose a devpi-server 6 release (6.11 or later, below 7).':
    '[xx] Eine devpi-server-6-Version wählen.',
  "Use letters, digits, '-', '_' and '.', starting and ending with a letter or digit.":
    '[xx] Buchstaben, Ziffern, -, _ und .',
  'Correct the fields marked in red.': '[xx] Rot markierte Felder korrigieren.',
};

beforeAll(async () => {
  i18n.addResources('xx', 'plugin__pipcache-plugin', PSEUDO);
  await i18n.changeLanguage('xx');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

beforeEach(() => {
  sdkDouble.setWatch('ImageStream', { spec: { tags: [{ name: '3.12-ubi9' }] } });
  sdkDouble.setWatch('StorageClass', [{ metadata: { name: 'standard-csi' } }]);
  sdkDouble.setWatch('Project', { metadata: { name: 'demo' } });
});

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

// No delay between keys: the form re-validates on every key, and there are many keys to type.
const user = userEvent.setup({ delay: null });

const retype = async (testId: string, text: string) => {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await user.type(input, text);
};

const openSection = (name: string) => user.click(screen.getByRole('button', { name }));

describe('the create form refuses bad input with the translated message under each field', () => {
  it('shows each message in the user language under its own field and sends nothing', async () => {
    renderForm();
    await screen.findByTestId('pipcache-name');
    await retype('pipcache-name', 'PipCache');

    await user.click(screen.getByLabelText('Persistent volume'));
    await retype('pipcache-storage-size', '-1Gi');

    await openSection('Resources');
    await retype('pipcache-resources-memoryRequest', '2Gi');

    await openSection('Route');
    await retype('pipcache-route-host', '*.apps.example.com');
    await retype('pipcache-route-allowedCidrs', '10.0.0.0/33');

    await openSection('Image source');
    await retype('pipcache-image-devpiVersion', '7.0.0');

    await openSection('Placement');
    await user.click(screen.getByTestId('pipcache-pod-selector-add'));
    await user.type(screen.getByTestId('pipcache-pod-selector-key-0'), 'fast disk');

    expect(screen.getByTestId('pipcache-name-error')).toHaveTextContent(
      '[xx] Kleinbuchstaben, Ziffern und Bindestrich.',
    );
    expect(screen.getByTestId('pipcache-storage-size-error')).toHaveTextContent(
      '[xx] Einen Wert größer als null eingeben.',
    );
    expect(screen.getByTestId('pipcache-resources-memoryLimit-error')).toHaveTextContent(
      '[xx] Die Anforderung darf das Limit (1536Mi) nicht übersteigen.',
    );
    expect(screen.getByTestId('pipcache-route-host-error')).toHaveTextContent(
      '[xx] Keine Platzhalter-Hosts.',
    );
    expect(screen.getByTestId('pipcache-route-allowedCidrs-error')).toHaveTextContent(
      '[xx] 10.0.0.0/33 ist kein CIDR.',
    );
    expect(screen.getByTestId('pipcache-image-devpiVersion-error')).toHaveTextContent(
      '[xx] Eine devpi-server-6-Version wählen.',
    );
    const podSelector = screen.getByTestId('pipcache-pod-selector-editor');
    expect(within(podSelector).getByText('[xx] Buchstaben, Ziffern, -, _ und .')).toBeVisible();

    // Neither the button nor Enter in a field sends anything, not even a dry run.
    expect(screen.getByTestId('pipcache-create-submit')).toHaveAttribute('aria-disabled', 'true');
    // The submit button's tooltip opens on hover; act lets its timers settle inside the test.
    await act(() => user.click(screen.getByTestId('pipcache-create-submit')));
    // Moving on to the field hides that tooltip, again on its own timer.
    await act(() => user.type(screen.getByTestId('pipcache-name'), '{Enter}'));
    expect(screen.getByTestId('pipcache-form-errors')).toHaveTextContent(
      '[xx] Rot markierte Felder korrigieren.',
    );
    expect(k8sCreate).not.toHaveBeenCalled();
    expect(screen.queryByTestId('details')).toBeNull();
  }, 30_000);

  it('refuses an upstream URL with credentials in it and keeps the message under that field', async () => {
    renderForm();
    await screen.findByTestId('pipcache-name');
    await openSection('devpi options');
    await retype('pipcache-devpi-upstreamUrl', 'https://bob:hunter2@nexus.example.com/simple/');
    expect(screen.getByTestId('pipcache-devpi-upstreamUrl-error')).toHaveTextContent(
      /credential fields/,
    );
    await user.type(screen.getByTestId('pipcache-devpi-upstreamUrl'), '{Enter}');
    expect(k8sCreate).not.toHaveBeenCalled();
  });
});
