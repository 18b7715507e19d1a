import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { DoraWindow } from '@internal/plugin-deployments-common';
import { WindowPicker } from '@internal/frontend-kit';
import { useState } from 'react';
import { DORA_WINDOW_LABELS, DORA_WINDOWS } from '../../dora';
import { DoraReportPanel } from './DoraReportPanel';

/** The card's title. */
export const SERVICE_DORA_TITLE = 'DORA';

/** A service's own DORA figures, compact, for the side of its page. */
export function ServiceDoraCard() {
  const { entity } = useEntity();
  const [window, setWindow] = useState<DoraWindow>('30d');
  return (
    <div data-testid="service-dora-card">
      <EntityInfoCard
        title={SERVICE_DORA_TITLE}
        headerActions={
          <WindowPicker
            value={window}
            onChange={setWindow}
            windows={DORA_WINDOWS}
            labels={DORA_WINDOW_LABELS}
          />
        }
      >
        <DoraReportPanel
          query={{ entityRef: stringifyEntityRef(entity), window }}
          headingLevel="h4"
          compact
        />
      </EntityInfoCard>
    </div>
  );
}
