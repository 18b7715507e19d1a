import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { serviceModelCatalogGraphModule } from '@internal/plugin-service-model';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { unprocessedEntitiesModule } from './modules/unprocessed';

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    // Plugins are discovered from package.json (app.packages: all); modules that override
    // another plugin's extensions are listed here.
    serviceModelCatalogGraphModule,
    unprocessedEntitiesModule,
  ],
});
