import Chip from '@material-ui/core/Chip';
import { levelTitle } from './levels';

// The medal colours of the default levels; configured levels with other ids get the default chip.
const COLOURS: Record<string, { background: string; color: string }> = {
  bronze: { background: '#cd7f32', color: '#ffffff' },
  silver: { background: '#a8a9ad', color: '#000000' },
  gold: { background: '#d4af37', color: '#000000' },
};

/** A scorecard level as a chip: "Gold", or "No level" when not even the first is reached. */
export function LevelChip(props: {
  level: string | null | undefined;
  levels: ReadonlyArray<{ id: string; title: string }>;
  size?: 'small' | 'medium';
}) {
  const id = props.level ?? 'none';
  return (
    <Chip
      size={props.size ?? 'small'}
      label={levelTitle(props.levels, props.level)}
      style={COLOURS[id]}
      variant={COLOURS[id] ? 'default' : 'outlined'}
      data-testid="governance-level"
      data-level={id}
    />
  );
}
