import { useId } from 'react';
import TextField from '@material-ui/core/TextField';

/** @public */
export interface WindowPickerProps<W extends string> {
  value: W;
  onChange: (window: W) => void;
  /** The windows offered, in this order. */
  windows: ReadonlyArray<W>;
  /** What each window is called in the list, e.g. "Last 7 days". */
  labels: Record<W, string>;
}

/**
 * Chooses the window the figures cover (ending now): a native select labelled "Window".
 * A value outside `windows` is ignored rather than passed on, so callers get only known windows.
 */
export function WindowPicker<W extends string>(props: WindowPickerProps<W>) {
  const id = useId();
  const { windows } = props;
  return (
    <TextField
      id={id}
      select
      size="small"
      label="Window"
      value={props.value}
      onChange={event => {
        const chosen = windows.find(window => window === event.target.value);
        if (chosen !== undefined) props.onChange(chosen);
      }}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {windows.map(window => (
        <option key={window} value={window}>
          {props.labels[window]}
        </option>
      ))}
    </TextField>
  );
}
