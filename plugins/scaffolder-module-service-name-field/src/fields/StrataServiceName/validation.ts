import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  checkServiceName,
  describeServiceNameStatus,
} from './serviceNameStatus';

/**
 * Runs when the person presses Next/Review: malformed or taken names keep them on the page.
 * This is a convenience, not the guard — strata:catalog:check-new-entity re-checks on the
 * backend, where nobody can skip it. So when the catalog cannot be asked from the browser, a
 * well-formed name is let through and the task reports the clash instead.
 */
export const strataServiceNameValidation: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  const name = value ?? '';
  const catalogApi = apiHolder.get(catalogApiRef);
  const lookup: Parameters<typeof checkServiceName>[1] = {
    getEntities: async request => {
      if (!catalogApi) return { items: [] };
      try {
        return await catalogApi.getEntities(request);
      } catch {
        return { items: [] };
      }
    },
  };
  const status = await checkServiceName(name, lookup);
  if (status.state !== 'available') {
    validation.addError(describeServiceNameStatus(name, status));
  }
};
