import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ServiceNameStatus, checkServiceName } from './serviceNameStatus';

/** How long typing must pause before the name is checked: one catalog request per pause. */
export const SERVICE_NAME_CHECK_DELAY_MS = 400;

export interface ServiceNameCheck {
  /** True while the latest name is waiting for the pause or for the catalog. */
  checking: boolean;
  status?: ServiceNameStatus;
  /** The catalog could not be asked; the backend will still check when the task runs. */
  error?: string;
}

/** Checks `name` once typing pauses; answers for older names are dropped, never shown. */
export function useServiceNameStatus(name: string): ServiceNameCheck {
  const catalogApi = useApi(catalogApiRef);
  const [result, setResult] = useState<
    { name: string; status?: ServiceNameStatus; error?: string } | undefined
  >();

  useEffect(() => {
    if (!name) {
      return undefined;
    }
    let stale = false;
    const timer = setTimeout(() => {
      checkServiceName(name, catalogApi).then(
        status => {
          if (!stale) setResult({ name, status });
        },
        (error: Error) => {
          if (!stale) setResult({ name, error: error.message });
        },
      );
    }, SERVICE_NAME_CHECK_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [name, catalogApi]);

  const current = result?.name === name ? result : undefined;
  return {
    checking: name !== '' && !current,
    status: current?.status,
    error: current?.error,
  };
}
