import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import { useEffect, useState } from 'react';
import {
  readSourceStamp,
  SourceVersion,
} from '@internal/plugin-catalog-freshness-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';

/** The processing errors the catalog stitched into the entity's status. */
type StatusItem = {
  type?: string;
  level?: string;
  message?: string;
  error?: { name?: string; message?: string };
};

function describeVersion(version: SourceVersion): string {
  switch (version.kind) {
    case 'git':
      return `commit ${version.value.slice(0, 12)}`;
    case 'mtime':
      return `file modified ${new Date(version.value).toLocaleString()}`;
    default:
      return `content ${version.value.slice(
        0,
        12,
      )} (the source names no version)`;
  }
}

/** The error items of an entity's status, named by the entity when it is not the page's. */
function errorsOf(entity: Entity, own: boolean) {
  const items = ((entity as { status?: { items?: StatusItem[] } }).status
    ?.items ?? []) as StatusItem[];
  return items
    .filter(item => item.level === 'error')
    .map(item => ({
      where: own ? undefined : stringifyEntityRef(entity),
      message: item.error?.message ?? item.message ?? 'unknown error',
    }));
}

/**
 * The processing errors of the entity and of the Locations it was read through: a file that
 * can no longer be read fails its Location's refresh, not the entity's, while the entity keeps
 * what was read before. Ancestors that cannot be fetched only leave their errors out.
 */
function useRefreshErrors(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [ancestors, setAncestors] = useState<Entity[]>([]);
  useEffect(() => {
    let current = true;
    catalogApi.getEntityAncestors({ entityRef }).then(
      response =>
        current &&
        setAncestors(
          response.items
            .map(item => item.entity)
            .filter(e => stringifyEntityRef(e) !== entityRef),
        ),
      () => current && setAncestors([]),
    );
    return () => {
      current = false;
    };
  }, [catalogApi, entityRef]);
  return [
    ...errorsOf(entity, true),
    ...ancestors.flatMap(a => errorsOf(a, false)),
  ];
}

/**
 * Where the entity comes from, which version of it the catalog read and when, and, when the
 * catalog's last refresh of it or of the Location it was read through failed, why (the errors
 * Backstage stitches into `status.items`).
 */
export function SourceCard() {
  const { entity } = useEntity();
  const { version, readAt } = readSourceStamp(entity);
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  const errors = useRefreshErrors(entity);
  return (
    <InfoCard title="Source">
      {location && (
        <Typography variant="body2">
          Read from <code>{location.replace(/^(url|file):/, '')}</code>
        </Typography>
      )}
      <Typography variant="body2" data-testid="source-version">
        {version ? `At ${describeVersion(version)}` : 'Version not known yet'}
        {readAt ? `, read ${readAt.toLocaleString()}` : ''}
      </Typography>
      {errors.map((item, i) => (
        <Alert severity="error" key={i} data-testid="source-error">
          The last refresh{item.where ? ` of ${item.where}` : ''} failed:{' '}
          {item.message} The page shows what was read before.
        </Alert>
      ))}
    </InfoCard>
  );
}
