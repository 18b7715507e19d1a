/**
 * What Strata understands of an OpenSLO v1 file: the SLOs it can evaluate, each reduced to
 * counts of server spans (all requests, and the bad ones), and the problems that kept the
 * others from being evaluated.
 */
import type { SloFileProblem } from '../slo';

/** A duration-shorthand unit of OpenSLO v1: minutes, hours, days, weeks, months, quarters, years. */
export type DurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/** `28d` → `{ count: 28, unit: 'd' }`. */
export interface DurationShorthand {
  count: number;
  unit: DurationUnit;
}

/** The SLO's time window (`spec.timeWindow[0]`). */
export type SloTimeWindow =
  | {
      isRolling: true;
      /** As written, e.g. `28d`. */
      duration: string;
      /** The window's length (rolling windows are in m, h, d or w: fixed lengths). */
      durationMs: number;
    }
  | {
      isRolling: false;
      duration: string;
      length: DurationShorthand;
      calendar: {
        /** Wall-clock time in `timeZone`, as `YYYY-MM-DDTHH:mm:ss`. */
        startTime: string;
        /** IANA time zone, e.g. `Europe/Berlin`. */
        timeZone: string;
      };
    };

/**
 * Which server spans an SLO counts, in the terms of the metrics-source seam
 * (`SliQuery` of @internal/plugin-telemetry-node): all requests of a service (or one of its
 * operations), and among them the bad ones — failing (`errors`) for availability, slower than
 * a threshold (`slowerThan`) for latency. Good = total − bad.
 */
export type SloIndicator = {
  /** OTel `service.name`, from the filter. */
  serviceName: string;
  /** `http.route`, from the filter, when it names one. */
  operation?: string;
} & (
  | { kind: 'availability'; bad: 'errors' }
  | { kind: 'latency'; bad: 'slowerThan'; thresholdMs: number }
);

/** One objective of one SLO, ready to evaluate. */
export interface SloDefinition {
  /** `metadata.name` of the SLO document. */
  name: string;
  displayName?: string;
  description?: string;
  /** `spec.service`. */
  service?: string;
  /** The objective's `displayName`, when it has one. */
  objective?: string;
  kind: 'availability' | 'latency';
  /** 0 < target < 1 (`targetPercent` is converted). */
  target: number;
  window: SloTimeWindow;
  indicator: SloIndicator;
  /** Where the SLO is defined (its `metadata.name`). */
  line: number;
  column: number;
}

/** The outcome of reading an OpenSLO file. */
export interface OpenSloFile {
  file: string;
  /** The evaluable objectives, in file order. */
  slos: SloDefinition[];
  problems: SloFileProblem[];
}

/** A step in a path into a document: a mapping key or a sequence index. */
export type DocumentPathSegment = string | number;

/**
 * One parsed YAML document and a way to locate its nodes. The catalog validator passes its
 * own parsed documents in this shape, so its parse limits and syntax checks apply to SLO files
 * too; {@link parseOpenSloFile} builds them from text.
 */
export interface OpenSloDocumentInput {
  /** The document as JSON (`null` for an empty document). */
  value: unknown;
  /**
   * The 1-based position of the node at `path` (its key with `part: 'key'`); for a path that
   * does not exist, the position of the deepest part that does.
   */
  position(
    path: DocumentPathSegment[],
    part?: 'key' | 'value',
  ): { line: number; column: number };
}
