import { useId } from 'react';
import TextField from '@material-ui/core/TextField';
import {
  isTelemetryWindow,
  TELEMETRY_WINDOWS,
  TelemetryWindow,
} from '../../api';

const LABELS: Record<TelemetryWindow, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

/** Chooses the window the figures cover (ending now); a native select labelled "Window". */
export function WindowPicker(props: {
  value: TelemetryWindow;
  onChange: (window: TelemetryWindow) => void;
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
        if (isTelemetryWindow(event.target.value)) {
          props.onChange(event.target.value);
        }
      }}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {TELEMETRY_WINDOWS.map(window => (
        <option key={window} value={window}>
          {LABELS[window]}
        </option>
      ))}
    </TextField>
  );
}
