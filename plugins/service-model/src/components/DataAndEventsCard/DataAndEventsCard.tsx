import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { useDataAndEvents } from './useDataAndEvents';
import { ChannelView, DatabaseView, ServiceView } from './views';

/** The title of the card. */
export const DATA_AND_EVENTS_TITLE = 'Data & events';

/**
 * "Data & events": the databases, topics and queues around a service,
 * database, topic or queue, the services on the other side and their owners.
 */
export function DataAndEventsCard() {
  const { entity } = useEntity();
  const { loading, error, model } = useDataAndEvents(entity);

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (model?.view === 'service') {
    content = <ServiceView model={model} />;
  } else if (model?.view === 'database') {
    content = <DatabaseView model={model} />;
  } else if (model?.view === 'channel') {
    content = <ChannelView model={model} />;
  } else {
    return null;
  }

  return (
    <EntityInfoCard title={DATA_AND_EVENTS_TITLE}>{content}</EntityInfoCard>
  );
}
