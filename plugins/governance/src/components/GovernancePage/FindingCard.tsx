import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { governanceRules, RuleId } from '@internal/plugin-governance-common';
import { FindingItem } from '../../api';
import { EntityRefs } from '../shared';
import { day } from './format';

const SEVERITY_COLOURS = {
  error: 'secondary',
  warning: 'primary',
  info: 'default',
} as const;

/** The rule's title, or its id for a rule this frontend does not know yet. */
export function ruleTitle(rule: string): string {
  return governanceRules[rule as RuleId]?.title ?? rule;
}

/**
 * One finding: severity and rule, what is wrong with the names, the entities involved (links
 * to their pages), why it matters, how to fix it, and its waiver when one is in force.
 */
export function FindingCard(props: {
  finding: FindingItem;
  /** Shown only when the user may waive findings. */
  onWaive?: () => void;
}) {
  const { finding } = props;
  return (
    <Paper
      variant="outlined"
      data-testid="governance-finding"
      data-rule={finding.rule}
      data-waived={finding.waived}
    >
      <Box p={2}>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <Chip
            size="small"
            label={finding.severity}
            color={SEVERITY_COLOURS[finding.severity]}
          />
          <Typography variant="subtitle1" component="h4">
            {ruleTitle(finding.rule)}
          </Typography>
          {finding.waived && (
            <Chip size="small" variant="outlined" label="Waived" />
          )}
          <Box flexGrow={1} />
          {props.onWaive && !finding.waived && (
            <Button size="small" variant="outlined" onClick={props.onWaive}>
              Waive…
            </Button>
          )}
        </Box>
        <Typography variant="body1" data-testid="governance-finding-message">
          {finding.message}
        </Typography>
        <Typography variant="body2" component="div">
          Entities:{' '}
          <EntityRefs
            refs={finding.entityRefs}
            testId="governance-finding-entities"
          />
        </Typography>
        {finding.owners.length > 0 && (
          <Typography variant="body2" component="div">
            Owners: <EntityRefs refs={finding.owners} />
          </Typography>
        )}
        <Typography variant="body2">
          <strong>Why it matters:</strong> {finding.why}
        </Typography>
        <Typography variant="body2">
          <strong>How to fix:</strong> {finding.fix}
        </Typography>
        {finding.waiver && (
          <Typography
            variant="body2"
            color="textSecondary"
            data-testid="governance-finding-waiver"
          >
            Waived by {finding.waiver.approver} until{' '}
            {day(finding.waiver.expiresAt)}: {finding.waiver.reason}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
