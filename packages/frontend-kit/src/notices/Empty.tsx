import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** Nothing to show, said with what would make something appear. */
export function Empty(props: { children: ReactNode; testId?: string }) {
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid={props.testId}
    >
      {props.children}
    </Typography>
  );
}
