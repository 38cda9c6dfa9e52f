import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actions } from '../store';
import { DeleteAccountForm } from './delete-account-form';

beforeEach(() =>
  actions.signIn({ id: 'u1', username: 'lena', email: 'lena@example.com', apiToken: 't', apiSecretKey: 's' }),
);
afterEach(() => {
  cleanup();
  actions.signOut();
});

function renderForm() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <DeleteAccountForm />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('deleting the account on the settings page', () => {
  it('says what goes and what stays, and asks for the password only once the listener chooses to', async () => {
    renderForm();
    expect(
      screen.getByText(/listening history, likes, saved albums, follows, playlists and sessions/),
    ).toBeInTheDocument();
    expect(screen.getByText(/credits left in your wallet are forfeited/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Delete account' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Delete account…' }));
    expect(screen.getByRole('form', { name: 'Delete account' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Delete account' })).toBeNull();
  });

  it('checks the password field in the browser before anything is sent', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Delete account…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(/enter your current password/i);
    expect(actions.current()).not.toBeNull();
  });
});
