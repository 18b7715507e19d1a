import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DoraWindow } from '@internal/plugin-deployments-common';
import { WindowPicker } from '@internal/frontend-kit';
import { useState } from 'react';
import { DORA_WINDOW_LABELS, DORA_WINDOWS } from '../../dora';
import { TeamDora } from './TeamDora';

/** The "DORA" tab of a group: the figures over the services the group owns. */
export function GroupDoraContent() {
  const { entity } = useEntity();
  const [window, setWindow] = useState<DoraWindow>('30d');
  return (
    <Content noPadding>
      <div data-testid="group-dora">
        <WindowPicker
          value={window}
          onChange={setWindow}
          windows={DORA_WINDOWS}
          labels={DORA_WINDOW_LABELS}
        />
        <TeamDora
          owner={stringifyEntityRef(entity)}
          teamTitle={entity.metadata.title ?? entity.metadata.name}
          window={window}
        />
      </div>
    </Content>
  );
}
