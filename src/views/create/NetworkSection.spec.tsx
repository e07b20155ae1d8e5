import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { defaultValues, type PipCacheValues } from '../../model/cache';
import NetworkSection from './NetworkSection';

const renderWith = (network: PipCacheValues['network']) => {
  const values = { ...defaultValues(), network };
  render(
    <NetworkSection binding={{ values, set: jest.fn(), shown: () => undefined, errors: {} }} />,
  );
};

describe('NetworkSection', () => {
  it('says that a NetworkPolicy with no client projects admits every project', () => {
    renderWith({ policy: true, clientProjects: '  ' });
    expect(screen.getByTestId('pipcache-network-every-project')).toHaveTextContent(
      'With no client projects, the NetworkPolicy admits every project',
    );
  });

  it('says nothing of the kind once projects are named', () => {
    renderWith({ policy: true, clientProjects: 'shop web' });
    expect(screen.queryByTestId('pipcache-network-every-project')).toBeNull();
  });

  it('says nothing without a policy', () => {
    renderWith({ policy: false, clientProjects: '' });
    expect(screen.queryByTestId('pipcache-network-every-project')).toBeNull();
  });
});
