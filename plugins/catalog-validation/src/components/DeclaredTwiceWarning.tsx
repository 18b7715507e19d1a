import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useEffect, useState } from 'react';
import { catalogValidationApiRef, EntityConflict } from '../api';
import { describeLocationKey } from './locationKey';

function Location(props: { locationKey: string }) {
  const { text, href } = describeLocationKey(props.locationKey);
  return href ? <Link to={href}>{text}</Link> : <code>{text}</code>;
}

/**
 * Warns that the entity is declared in more than one registered location and names each
 * ignored copy: the catalog serves one and drops the others silently, so an edit to the ignored
 * file would never show up. Renders nothing when there is no conflict or it cannot be checked
 * (this card must never break an entity page).
 */
export function DeclaredTwiceWarning() {
  const { entity } = useEntity();
  const api = useApi(catalogValidationApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [conflicts, setConflicts] = useState<EntityConflict[]>([]);

  useEffect(() => {
    let current = true;
    api.listConflicts(entityRef).then(
      items => current && setConflicts(items),
      () => current && setConflicts([]),
    );
    return () => {
      current = false;
    };
  }, [api, entityRef]);

  if (conflicts.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="declared-twice">
      <AlertTitle>This entity is declared in more than one place</AlertTitle>
      The catalog shows the copy from{' '}
      <Location locationKey={conflicts[0].keptLocation} /> and ignores{' '}
      {conflicts.length === 1 ? 'the one' : 'the ones'} in:
      <ul>
        {conflicts.map(conflict => (
          <li key={conflict.ignoredLocation}>
            <Location locationKey={conflict.ignoredLocation} />
          </li>
        ))}
      </ul>
      Changes to an ignored copy never reach the catalog. Remove the duplicate,
      or rename it if it is meant to be a different entity.
    </Alert>
  );
}
