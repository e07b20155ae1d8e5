import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import SubmitForm from './SubmitForm';

describe('SubmitForm', () => {
  it("runs its action on submit and keeps the browser's page load from happening", () => {
    const onSubmit = jest.fn();
    render(
      <SubmitForm onSubmit={onSubmit} aria-label="form" data-test="form">
        <input aria-label="field" />
      </SubmitForm>,
    );
    const event = new Event('submit', { bubbles: true, cancelable: true });
    fireEvent(screen.getByTestId('form'), event);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    expect(screen.getByRole('textbox', { name: 'field' })).toBeInTheDocument();
  });
});
