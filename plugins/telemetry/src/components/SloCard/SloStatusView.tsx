import Typography from '@material-ui/core/Typography';
import { SloStatusList } from '@internal/plugin-telemetry-common';
import { bySeverity } from '../../slo';
import { SloObjective } from './SloObjective';
import { SloProblems } from './SloProblems';

/** Every objective of the file, those that need attention first, and the file's problems. */
export function SloStatusView(props: { list: SloStatusList; now?: Date }) {
  const { list, now } = props;
  const items = bySeverity(list.items);
  return (
    <>
      {list.problems.length > 0 && <SloProblems problems={list.problems} />}
      {items.length === 0 && list.problems.length === 0 && (
        <Typography variant="body2" data-testid="telemetry-slo-empty">
          The SLO file{list.file ? ` ${list.file}` : ''} defines no objectives.
        </Typography>
      )}
      {items.map(status => (
        <SloObjective
          key={`${status.name}/${status.objective ?? ''}`}
          status={status}
          now={now}
        />
      ))}
      {list.file && items.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          From <code>{list.file}</code>.
        </Typography>
      )}
    </>
  );
}
