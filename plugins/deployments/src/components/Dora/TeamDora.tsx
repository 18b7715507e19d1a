import { useId } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { DoraWindow } from '@internal/plugin-deployments-common';
import { windowLabel } from '../../dora';
import { DoraReportPanel } from './DoraReportPanel';

/** A team's DORA figures under a heading naming the team and the window. */
export function TeamDora(props: {
  owner: string;
  teamTitle: string;
  window: DoraWindow;
}) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} mt={2}>
      <Typography variant="h5" component="h2" id={headingId} gutterBottom>
        {props.teamTitle}: {windowLabel(props.window)}
      </Typography>
      <DoraReportPanel
        query={{ owner: props.owner, window: props.window }}
        headingLevel="h3"
      />
    </Box>
  );
}
