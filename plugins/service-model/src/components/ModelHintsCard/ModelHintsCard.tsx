import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Button, Flex, Text } from '@backstage/ui';
import {
  ProposeChangeDialog,
  ProposeChangeInitialEdit,
} from '@internal/plugin-catalog-edits';
import {
  ModelRecommendation,
  modelRecommendations,
} from '@internal/plugin-service-model-common';
import { useState } from 'react';
import { proposedEditFor, suggestedLine } from './proposedEdit';

function Hint(props: {
  recommendation: ModelRecommendation;
  onPropose?: (edit: ProposeChangeInitialEdit) => void;
}) {
  const { recommendation } = props;
  const edit = proposedEditFor(recommendation);
  const line = suggestedLine(recommendation);
  return (
    <li aria-label={recommendation.message} style={{ marginBottom: 16 }}>
      <Text as="p">
        <strong>{recommendation.message}</strong>: {recommendation.why}
      </Text>
      <Text as="p" variant="body-small">
        Fix: {recommendation.fix}
        {line && (
          <>
            {' '}
            Suggested: <code>{line}</code>
          </>
        )}
      </Text>
      {edit && props.onPropose ? (
        <Button
          size="small"
          variant="secondary"
          onPress={() => props.onPropose?.(edit)}
        >
          Propose a change
        </Button>
      ) : (
        <Text as="p" variant="body-small" color="secondary">
          Not editable from the portal yet ({recommendation.path}): change the
          entity’s catalog-info.yaml in Git.
        </Text>
      )}
    </li>
  );
}

/**
 * The hints themselves, for an entity; `Propose a change` opens catalog-edits' dialog
 * prefilled with the field and the suggested value.
 */
export function ModelHints(props: {
  entityRef: string;
  recommendations: ModelRecommendation[];
}) {
  const [editing, setEditing] = useState<ProposeChangeInitialEdit>();
  const [pullRequestUrl, setPullRequestUrl] = useState<string>();
  return (
    <Flex direction="column">
      <ul style={{ paddingLeft: 16, margin: 0 }}>
        {props.recommendations.map(recommendation => (
          <Hint
            key={`${recommendation.rule}:${recommendation.path}`}
            recommendation={recommendation}
            onPropose={setEditing}
          />
        ))}
      </ul>
      {pullRequestUrl && (
        <Text as="p">
          Pull request opened: <Link to={pullRequestUrl}>{pullRequestUrl}</Link>
        </Text>
      )}
      {editing && (
        <ProposeChangeDialog
          entityRef={props.entityRef}
          initialEdit={editing}
          onClose={() => setEditing(undefined)}
          onProposed={result => {
            setPullRequestUrl(result.pullRequestUrl);
            setEditing(undefined);
          }}
        />
      )}
    </Flex>
  );
}

/** "Service model hints": the recommended fields this entity lacks, why they matter, how to add them. */
export function ModelHintsCard() {
  const { entity } = useEntity();
  const recommendations = modelRecommendations(entity);
  return (
    <EntityInfoCard title="Service model hints">
      {recommendations.length === 0 ? (
        <Text as="p">Every recommended field of the service model is set.</Text>
      ) : (
        <ModelHints
          entityRef={stringifyEntityRef(entity)}
          recommendations={recommendations}
        />
      )}
    </EntityInfoCard>
  );
}
