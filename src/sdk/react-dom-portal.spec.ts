import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { createPortal } from './react-dom-portal';

describe('the production build’s react-dom createPortal', () => {
  it('builds the very object react-dom builds', () => {
    const container = document.createElement('div');
    const child = React.createElement('span', null, 'hi');
    expect(createPortal(child, container)).toEqual(ReactDOM.createPortal(child, container));
    expect(createPortal(child, container, 'k')).toEqual(
      ReactDOM.createPortal(child, container, 'k'),
    );
  });

  it('renders through the real react-dom into the container', () => {
    const host = document.createElement('div');
    const target = document.createElement('div');
    ReactDOM.render(
      React.createElement('p', null, createPortal(React.createElement('b', null, 'moved'), target)),
      host,
    );
    expect(target.textContent).toBe('moved');
    expect(host.textContent).toBe('');
    ReactDOM.unmountComponentAtNode(host);
  });

  it('refuses what is not a DOM container, as react-dom does', () => {
    expect(() => createPortal(null, {} as Element)).toThrow(
      'Target container is not a DOM element.',
    );
  });
});
