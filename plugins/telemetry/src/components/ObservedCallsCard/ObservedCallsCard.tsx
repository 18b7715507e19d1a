import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { WindowPicker } from '@internal/frontend-kit';
import { ReactNode, useId, useState } from 'react';
import { useAsyncRetry, useInterval } from 'react-use';
import { TELEMETRY_WINDOWS, telemetryApiRef, TelemetryWindow } from '../../api';
import { partsOfSystem } from '../../filters';
import { TELEMETRY_WINDOW_LABELS, windowWords } from '../../format';
import { callsOfSystem, SystemCalls } from '../../graph';
import { ErrorNotice, Loading } from '../shared';
import { NeverObservedTable, ObservedCallTable } from './CallTables';

/** The card's title. */
export const OBSERVED_CALLS_CARD_TITLE = 'Observed calls';

const REFRESH_MS = 60_000;

function Section(props: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={props.testId}>
      <Typography variant="subtitle1" component="h3" id={headingId}>
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

function CallsView(props: { calls: SystemCalls; window: TelemetryWindow }) {
  const { undeclared, declared, neverObserved } = props.calls;
  const now = new Date();
  if (!undeclared.length && !declared.length && !neverObserved.length) {
    return (
      <Typography variant="body2" data-testid="telemetry-calls-none">
        No span in {windowWords(props.window)} shows a call to or from this
        system's components, and none of its declared relations can be checked
        yet: its services send no traces to the portal, or had no traffic.
      </Typography>
    );
  }
  return (
    <>
      {undeclared.length > 0 ? (
        <Section
          title="Not declared in the catalog"
          testId="telemetry-undeclared-calls"
        >
          <Alert severity="warning">
            <AlertTitle>
              {undeclared.length === 1
                ? 'Traces show a call the catalog does not declare'
                : `Traces show ${undeclared.length} calls the catalog does not declare`}
            </AlertTitle>
            Declare each in the caller's catalog-info.yaml (
            <code>consumesApis</code> with an API the callee provides,{' '}
            <code>dependsOn</code>, or <code>produces</code>/
            <code>consumes</code> for topics), or remove the call.
          </Alert>
          <ObservedCallTable
            label="Observed calls not declared in the catalog"
            edges={undeclared}
            now={now}
          />
        </Section>
      ) : (
        <Typography variant="body2" data-testid="telemetry-all-declared">
          Every call traces show in {windowWords(props.window)} is declared in
          the catalog.
        </Typography>
      )}
      {declared.length > 0 && (
        <Section
          title="Declared and observed"
          testId="telemetry-declared-calls"
        >
          <ObservedCallTable
            label="Observed calls declared in the catalog"
            edges={declared}
            now={now}
          />
        </Section>
      )}
      {neverObserved.length > 0 && (
        <Section
          title={`Declared, not observed in ${windowWords(props.window)}`}
          testId="telemetry-never-observed-calls"
        >
          <Typography variant="body2" color="textSecondary">
            A stale declaration, or a path no request took in the window.
          </Typography>
          <NeverObservedTable relations={neverObserved} />
        </Section>
      )}
    </>
  );
}

function Calls(props: { parts: ReadonlySet<string>; window: TelemetryWindow }) {
  const api = useApi(telemetryApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getEdges(props.window),
    [api, props.window],
  );
  useInterval(retry, REFRESH_MS);

  const current = value?.window === props.window ? value : undefined;
  if (!current) {
    if (error) {
      return (
        <ErrorNotice what="the observed calls" error={error} onRetry={retry} />
      );
    }
    return loading ? <Loading what="the observed calls" /> : null;
  }
  return (
    <>
      {error && (
        <ErrorNotice
          what="fresh observed calls"
          error={error}
          onRetry={retry}
        />
      )}
      <CallsView
        calls={callsOfSystem(current, props.parts)}
        window={props.window}
      />
    </>
  );
}

/**
 * "Observed calls" on a System page, beside the declared architecture graph: the calls
 * traces show to, from and within the system's components, undeclared ones first and
 * highlighted, then the declared ones, then the declared relations no span showed. A table
 * rather than a second graph: the undeclared calls are the point, and rows say them plainly.
 */
export function ObservedCallsCard() {
  const { entity } = useEntity();
  const [window, setWindow] = useState<TelemetryWindow>('1h');
  const parts = partsOfSystem(entity);
  return (
    <div data-testid="telemetry-observed-calls-card">
      <EntityInfoCard
        title={OBSERVED_CALLS_CARD_TITLE}
        headerActions={
          <WindowPicker
            value={window}
            onChange={setWindow}
            windows={TELEMETRY_WINDOWS}
            labels={TELEMETRY_WINDOW_LABELS}
          />
        }
      >
        {parts.size === 0 ? (
          <Typography variant="body2" data-testid="telemetry-calls-no-parts">
            This system has no components or resources in the catalog, so there
            are no calls to compare.
          </Typography>
        ) : (
          <Calls parts={parts} window={window} />
        )}
      </EntityInfoCard>
    </div>
  );
}
