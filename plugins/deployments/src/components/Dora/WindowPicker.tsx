import { useId } from 'react';
import TextField from '@material-ui/core/TextField';
import { DoraWindow } from '@internal/plugin-deployments-common';
import { DORA_WINDOWS, isDoraWindow } from '../../dora';

const WINDOW_OPTIONS: Record<DoraWindow, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};

/** Chooses the window the figures cover (ending now). */
export function WindowPicker(props: {
  value: DoraWindow;
  onChange: (window: DoraWindow) => void;
}) {
  const id = useId();
  return (
    <TextField
      id={id}
      select
      size="small"
      label="Window"
      value={props.value}
      onChange={event => {
        if (isDoraWindow(event.target.value))
          props.onChange(event.target.value);
      }}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {DORA_WINDOWS.map(window => (
        <option key={window} value={window}>
          {WINDOW_OPTIONS[window]}
        </option>
      ))}
    </TextField>
  );
}
