import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useAsyncRetry } from 'react-use';
import { CheckItem, LevelItem, governanceApiRef } from '../../api';
import { Empty, ErrorNotice, LevelChip, Loading, levelTitle } from '../shared';

function checkTitles(checks: CheckItem[], ids: string[]): string {
  return ids
    .map(id => checks.find(check => check.id === id)?.title ?? id)
    .join(', ');
}

/** A team's services and everything else it owns with a scorecard: level, checks passed, what the next level needs. */
export function TeamServices(props: {
  team: string;
  levels: LevelItem[];
  checks: CheckItem[];
  version: number;
  onShowFindings: () => void;
}) {
  const api = useApi(governanceApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getScorecards({ owner: props.team }),
    [api, props.team, props.version],
  );
  const name = props.team.replace(/^group:default\//, '');

  let body;
  if (error) {
    body = (
      <ErrorNotice
        what={`the services of ${name}`}
        error={error}
        onRetry={retry}
      />
    );
  } else if (loading || !value) {
    body = <Loading what={`the services of ${name}`} />;
  } else if (!value.items.length) {
    body = <Empty>{name} owns no entity that checks apply to.</Empty>;
  } else {
    body = (
      <Table size="small" aria-label={`What ${name} owns`}>
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Level</TableCell>
            <TableCell align="right">Checks passed</TableCell>
            <TableCell>For the next level</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(card => (
            <TableRow
              key={card.entityRef}
              data-testid="governance-team-service"
              data-entity-ref={card.entityRef}
            >
              <TableCell>
                <EntityRefLink entityRef={card.entityRef} />
              </TableCell>
              <TableCell>
                <LevelChip level={card.level} levels={props.levels} />
              </TableCell>
              <TableCell align="right">
                {card.passed}/{card.total}
              </TableCell>
              <TableCell>
                {card.next
                  ? `${levelTitle(
                      props.levels,
                      card.next.level,
                    )}: fix ${checkTitles(props.checks, card.next.failing)}`
                  : 'Top level reached'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <Box mt={2} data-testid="governance-team-services" data-team={props.team}>
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <Typography variant="h6" component="h3">
          What {name} owns
        </Typography>
        <Button size="small" variant="outlined" onClick={props.onShowFindings}>
          Show {name}'s findings
        </Button>
      </Box>
      {body}
    </Box>
  );
}
