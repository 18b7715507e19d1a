import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WindowPicker } from './WindowPicker';

const WINDOWS = ['7d', '30d'] as const;
const LABELS = { '7d': 'Last 7 days', '30d': 'Last 30 days' };

function renderPicker() {
  const onChange = jest.fn();
  render(
    <WindowPicker
      value="7d"
      onChange={onChange}
      windows={WINDOWS}
      labels={LABELS}
    />,
  );
  return { onChange, select: screen.getByLabelText('Window') };
}

describe('WindowPicker', () => {
  it('offers the windows in order under the label "Window" and passes the chosen one on', async () => {
    const { onChange, select } = renderPicker();
    expect(select).toHaveValue('7d');
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual(['Last 7 days', 'Last 30 days']);
    await userEvent.selectOptions(select, '30d');
    expect(onChange).toHaveBeenCalledWith('30d');
  });

  it('ignores a value that is not one of the windows', () => {
    const { onChange, select } = renderPicker();
    fireEvent.change(select, { target: { value: '2y' } });
    expect(onChange).not.toHaveBeenCalled();
  });
});
