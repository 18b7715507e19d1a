import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { WorkloadProblem } from '@internal/plugin-deployments-common';

/**
 * One problem in the words the backend chose: the title, what it means, what to check first;
 * then the pods it was seen on and the raw evidence as Kubernetes wrote it.
 */
export function ProblemItem(props: { problem: WorkloadProblem }) {
  const { problem } = props;
  return (
    <Alert
      severity={problem.severity}
      data-testid="deployments-problem"
      data-problem-kind={problem.kind}
    >
      <AlertTitle>{problem.title}</AlertTitle>
      <Typography variant="body2" component="p">
        <strong>What it means: </strong>
        {problem.explanation}
      </Typography>
      <Typography variant="body2" component="p">
        <strong>Check first: </strong>
        {problem.checkFirst}
      </Typography>
      {problem.pods.length > 0 && (
        <Typography variant="body2" component="p">
          <strong>{problem.pods.length === 1 ? 'Pod: ' : 'Pods: '}</strong>
          {problem.pods.join(', ')}
        </Typography>
      )}
      {problem.evidence.length > 0 && (
        <details>
          <summary>Evidence ({problem.evidence.length})</summary>
          <ul aria-label={`Evidence: ${problem.title}`}>
            {problem.evidence.map((line, index) => (
              <li key={index}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Alert>
  );
}
