import { useSearchParams } from 'react-router-dom';

/** The page's state kept in the URL, so a filtered view or a drill-down can be shared as a link. */
export const PAGE_PARAMS = [
  'team',
  'rollup',
  'rule',
  'owner',
  'namespace',
  'trend',
] as const;
export type PageParam = (typeof PAGE_PARAMS)[number];

export function useGovernanceQuery() {
  const [params, setParams] = useSearchParams();
  const get = (name: PageParam) => params.get(name) ?? '';
  /** Sets (or, with an empty value, removes) parameters, replacing the history entry. */
  const set = (changes: Partial<Record<PageParam, string>>) =>
    setParams(
      current => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { get, set };
}
