import { render, screen } from '@testing-library/react';
import App from './App';

jest.setTimeout(30_000);

describe('App', () => {
  it('shows a signed-out user the sign-in page with the guest provider', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // What a signed-out user sees first: the sign-in page with the app's title and the guest
    // provider (the only one this test config enables).
    expect(
      await screen.findByRole('heading', { name: 'Test' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.getByText(/Enter as a Guest User/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeEnabled();
  });
});
