import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
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

/**
 * Where the entity comes from, which version of it the catalog read and when, and, when the
 * catalog's last refresh of it failed, why (the errors Backstage stitches into `status.items`).
 */
export function SourceCard() {
  const { entity } = useEntity();
  const { version, readAt } = readSourceStamp(entity);
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  const errors = (
    ((entity as { status?: { items?: StatusItem[] } }).status?.items ??
      []) as StatusItem[]
  ).filter(item => item.level === 'error');
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
          The last refresh failed: {item.error?.message ?? item.message} The
          page shows what was read before.
        </Alert>
      ))}
    </InfoCard>
  );
}
