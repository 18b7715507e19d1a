import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { TELEMETRY_WINDOWS, TelemetryWindow } from './inputs/telemetryInput';

/** The plugin's own settings (the rules, checks and levels are read by governance-common). */
export interface GovernanceSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  changeProbe: { enabled: boolean; frequencySeconds: number };
  telemetryWindow: TelemetryWindow;
  retention: { evaluations: number; historyDays: number };
  waivers: { maxDays: number };
}

export const DEFAULT_SETTINGS: GovernanceSettings = {
  schedule: {
    frequency: { minutes: 5 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 5 },
  },
  changeProbe: { enabled: true, frequencySeconds: 60 },
  telemetryWindow: '24h',
  retention: { evaluations: 20, historyDays: 365 },
  waivers: { maxDays: 365 },
};

/** Reads `governance.*` (see config.d.ts); a bad value is an error naming its key. */
export function readGovernanceSettings(config: Config): GovernanceSettings {
  const governance = config.getOptionalConfig('governance');
  if (!governance) return DEFAULT_SETTINGS;
  const schedule = governance.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        governance.getConfig('schedule'),
      )
    : DEFAULT_SETTINGS.schedule;
  const window =
    governance.getOptionalString('telemetryWindow') ??
    DEFAULT_SETTINGS.telemetryWindow;
  if (!(TELEMETRY_WINDOWS as readonly string[]).includes(window)) {
    throw new InputError(
      `governance.telemetryWindow: must be one of ${TELEMETRY_WINDOWS.join(
        ', ',
      )}, got '${window}'`,
    );
  }
  return {
    schedule,
    changeProbe: {
      enabled:
        governance.getOptionalBoolean('changeProbe.enabled') ??
        DEFAULT_SETTINGS.changeProbe.enabled,
      frequencySeconds: positive(
        governance,
        'changeProbe.frequencySeconds',
        DEFAULT_SETTINGS.changeProbe.frequencySeconds,
      ),
    },
    telemetryWindow: window as TelemetryWindow,
    retention: {
      evaluations: positive(
        governance,
        'retention.evaluations',
        DEFAULT_SETTINGS.retention.evaluations,
      ),
      historyDays: positive(
        governance,
        'retention.historyDays',
        DEFAULT_SETTINGS.retention.historyDays,
      ),
    },
    waivers: {
      maxDays: positive(
        governance,
        'waivers.maxDays',
        DEFAULT_SETTINGS.waivers.maxDays,
      ),
    },
  };
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `governance.${key}: must be a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}
