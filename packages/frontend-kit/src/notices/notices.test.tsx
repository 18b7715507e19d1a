import { ResponseError } from '@backstage/errors';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Empty } from './Empty';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

const hints = {
  backend: 'governance',
  byStatus: { 403: 'Waivers are managed by the platform admins.' },
};

async function forbidden() {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'denied' },
        response: { statusCode: 403 },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

describe('Loading', () => {
  it('says what is loading, as a status for screen readers', () => {
    render(<Loading what="the SLO status" />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Loading the SLO status…',
    );
    expect(
      screen.getByRole('progressbar', { name: 'Loading the SLO status' }),
    ).toBeInTheDocument();
  });
});

describe('ErrorNotice', () => {
  it("says what failed, the backend's message and the plugin's hint, with a retry", async () => {
    const onRetry = jest.fn();
    render(
      <ErrorNotice
        what="the findings"
        error={await forbidden()}
        onRetry={onRetry}
        hints={hints}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the findings');
    expect(alert).toHaveTextContent('403: denied');
    expect(alert).toHaveTextContent(
      'Waivers are managed by the platform admins.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('says what a mutation tried, and offers no retry without a handler', async () => {
    render(
      <ErrorNotice
        what="the finding"
        verb="waive"
        error={await forbidden()}
        hints={hints}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not waive the finding',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Empty', () => {
  it('shows what would make something appear, under its test id', () => {
    render(<Empty testId="no-findings">No findings: all rules pass.</Empty>);
    expect(screen.getByTestId('no-findings')).toHaveTextContent(
      'No findings: all rules pass.',
    );
  });
});
