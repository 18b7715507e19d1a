import { LoggerService } from '@backstage/backend-plugin-api';
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

/** At most one warning per this long, so a receiver that is down does not flood the log. */
const WARN_EVERY_MS = 60_000;

/**
 * Passes spans to an exporter and says in the log when an export fails (the SDK's exporters
 * only tell OpenTelemetry's diagnostic logger, which is silent by default): the first failure,
 * then at most one a minute, and when exports succeed again.
 */
export class LoggingExporter implements SpanExporter {
  private lastWarnMs = -Infinity;
  private failing = false;

  constructor(
    private readonly exporter: SpanExporter,
    private readonly logger: LoggerService,
    private readonly target: string,
    private readonly now: () => number = Date.now,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.exporter.export(spans, result => {
      if (result.code === ExportResultCode.SUCCESS) {
        if (this.failing) {
          this.logger.info(
            `Demo traffic: exports to ${this.target} work again`,
          );
        }
        this.failing = false;
      } else {
        this.failing = true;
        if (this.now() - this.lastWarnMs >= WARN_EVERY_MS) {
          this.lastWarnMs = this.now();
          this.logger.warn(
            `Demo traffic: ${spans.length} spans could not be exported to ${
              this.target
            }: ${result.error?.message ?? 'unknown error'}`,
          );
        }
      }
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}
