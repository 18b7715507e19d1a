import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { SloFileProblem } from '@internal/plugin-telemetry-common';

/** Problems in the SLO file, each at file:line:column with its rule, as the validator reports them. */
export function SloProblems(props: { problems: SloFileProblem[] }) {
  const { problems } = props;
  return (
    <Alert severity="warning" data-testid="telemetry-slo-problems">
      <AlertTitle>
        {problems.length === 1
          ? 'A problem in the SLO file kept an objective from being evaluated'
          : `${problems.length} problems in the SLO file kept objectives from being evaluated`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {problems.map(problem => (
          <li
            key={`${problem.file}:${problem.line}:${problem.column}:${problem.rule}`}
            data-testid="telemetry-slo-problem"
          >
            <Typography variant="body2" component="span">
              {problem.message}
            </Typography>{' '}
            <Typography variant="caption" component="span">
              <code>
                {problem.file}:{problem.line}:{problem.column}
              </code>{' '}
              ({problem.rule})
            </Typography>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
