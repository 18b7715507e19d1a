import { PageBlueprint } from '@backstage/frontend-plugin-api';
import GavelIcon from '@material-ui/icons/Gavel';
import { governanceRouteRef } from '../routes';

/**
 * `page:governance` at `/governance`: levels from the organisation down to a team's services,
 * findings, trends and waivers. Its title and icon make it a sidebar item.
 */
export const governancePage = PageBlueprint.make({
  params: {
    path: '/governance',
    title: 'Governance',
    icon: <GavelIcon fontSize="inherit" />,
    routeRef: governanceRouteRef,
    loader: () =>
      import('../components/GovernancePage').then(m => <m.GovernancePage />),
  },
});
