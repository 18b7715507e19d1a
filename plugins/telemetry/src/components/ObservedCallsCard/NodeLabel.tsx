import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { nodeName } from '../../graph';

/** One end of a call: a link to the catalog entity, or what the spans said and that the catalog does not know it. */
export function NodeLabel(props: { node: string }) {
  const name = nodeName(props.node);
  if (name.type === 'entity') return <EntityRefLink entityRef={name.ref} />;
  return (
    <span>
      {name.text}{' '}
      <Typography variant="caption" color="textSecondary" component="span">
        (not in the catalog)
      </Typography>
    </span>
  );
}
