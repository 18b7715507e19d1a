import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DoraWindow } from '@internal/plugin-deployments-common';
import { useState } from 'react';
import { TeamDora } from './TeamDora';
import { WindowPicker } from './WindowPicker';

/** The "DORA" tab of a group: the figures over the services the group owns. */
export function GroupDoraContent() {
  const { entity } = useEntity();
  const [window, setWindow] = useState<DoraWindow>('30d');
  return (
    <Content noPadding>
      <div data-testid="group-dora">
        <WindowPicker value={window} onChange={setWindow} />
        <TeamDora
          owner={stringifyEntityRef(entity)}
          teamTitle={entity.metadata.title ?? entity.metadata.name}
          window={window}
        />
      </div>
    </Content>
  );
}
