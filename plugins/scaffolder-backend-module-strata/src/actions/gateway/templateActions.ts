import {
  AuthService,
  DiscoveryService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createProposeProducesAction } from '../events/proposeProducesAction';
import { createAnnotateEntityAction } from './annotateEntityAction';
import { createFetchTemplateSkeletonAction } from './fetchTemplateSkeletonAction';
import { createSplitTrafficAction } from './splitTrafficAction';

/**
 * The actions the `event` and `strangler-extraction` templates use, built
 * from the services a scaffolder module gets, so registering them is one line.
 */
export function createEventAndStranglerActions(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
  templatesDir?: string;
}) {
  return [
    createProposeProducesAction(deps),
    createSplitTrafficAction(),
    createAnnotateEntityAction(),
    createFetchTemplateSkeletonAction(deps),
  ];
}
