import { PageBlueprint } from '@backstage/frontend-plugin-api';
import TimelineIcon from '@material-ui/icons/Timeline';
import { doraRouteRef } from '../routes';

/**
 * `page:deployments/dora` at `/dora`: a team's DORA figures, with a team picker and a window.
 * Its title and icon make it a sidebar item.
 */
export const doraPage = PageBlueprint.make({
  name: 'dora',
  params: {
    path: '/dora',
    title: 'DORA',
    icon: <TimelineIcon fontSize="inherit" />,
    routeRef: doraRouteRef,
    loader: () => import('../components/Dora').then(m => <m.DoraPage />),
  },
});
