import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// The first card people see on /home: where to go for the jobs Strata exists for.
const content = `
**Strata** is the DataFlow Systems developer portal.

- **On call?** Open the [catalog](/) and search a service: its owner team, the team's
  on-call rotation, what it depends on and who depends on it.
- **Building something new?** [Create](/create) a service from a template.
- **Platform team?** Systems and their relations are in the catalog graph on each system page.

The catalog files live in each service's own repository (\`catalog-info.yaml\`); change them
there, by pull request.
`;

const strataWelcomeWidget = HomePageWidgetBlueprint.make({
  name: 'strata-welcome',
  params: {
    name: 'StrataWelcome',
    title: 'Welcome to Strata',
    description: 'What Strata is for and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [strataWelcomeWidget],
});
