import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogUnprocessedEntitiesApiRef,
  UnprocessedEntitiesContent,
} from '@backstage/plugin-catalog-unprocessed-entities';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { loadRefusals, Refusal } from './refusals';

const STATE_LABELS: Record<Refusal['state'], string> = {
  'never-accepted': 'Never accepted',
  'not-served': 'Not served',
};

function RefusalItem({ refusal }: { refusal: Refusal }) {
  return (
    <Box
      component="li"
      mb={3}
      aria-label={`Refused: ${refusal.entityRef}`}
      style={{ listStyle: 'none' }}
    >
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="h6" component="h3">
          {refusal.entityRef}
        </Typography>
        <Chip size="small" label={STATE_LABELS[refusal.state]} />
      </Box>
      {refusal.source && (
        <Typography variant="body2" color="textSecondary">
          Read from {refusal.source}
          {refusal.owner ? ` · owner ${refusal.owner}` : ''}
        </Typography>
      )}
      <ul>
        {refusal.reasons.map((reason, index) => (
          <li key={index}>
            <Typography variant="body2" component="span">
              <strong>{reason.name}</strong>: {reason.message}
            </Typography>
            {reason.cause && (
              <Typography variant="body2" color="textSecondary">
                Because: {reason.cause}
              </Typography>
            )}
          </li>
        ))}
      </ul>
    </Box>
  );
}

/**
 * Every entity the catalog refused, with the reasons the catalog recorded. The upstream page's
 * "Pending" tab lists never-valid entities without their errors, so this card shows them.
 */
export function RefusedEntitiesCard() {
  const api = useApi(catalogUnprocessedEntitiesApiRef);
  const [state, setState] = useState<{
    value?: Awaited<ReturnType<typeof loadRefusals>>;
    error?: Error;
  }>();
  useEffect(() => {
    let current = true;
    loadRefusals(api).then(
      value => current && setState({ value }),
      error => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  if (!state) {
    return <Progress />;
  }
  if (state.error) {
    return <ResponseErrorPanel error={state.error} />;
  }
  const { refusals = [], waiting = 0 } = state.value ?? {};
  return (
    <InfoCard
      title="Refused by the catalog"
      subheader="Entities and files the catalog would not accept, and why. Fix the file in Git; the catalog reads it again within minutes."
    >
      {refusals.length === 0 ? (
        <EmptyState
          missing="data"
          title="Nothing refused"
          description="Every entity the catalog has read was accepted."
        />
      ) : (
        <Box component="ul" p={0} m={0}>
          {refusals.map(refusal => (
            <RefusalItem key={refusal.entityRef} refusal={refusal} />
          ))}
        </Box>
      )}
      {waiting > 0 && (
        <Typography variant="body2" color="textSecondary">
          {waiting === 1
            ? '1 more entity is waiting for its first processing.'
            : `${waiting} more entities are waiting for their first processing.`}
        </Typography>
      )}
    </InfoCard>
  );
}

/** The page: refusals with reasons first, then upstream's raw view (definitions, delete). */
export function RefusedEntitiesPage() {
  return (
    <Box p={3} display="flex" flexDirection="column" style={{ gap: 24 }}>
      <RefusedEntitiesCard />
      <InfoCard title="All unprocessed entities">
        <UnprocessedEntitiesContent />
      </InfoCard>
    </Box>
  );
}
