module ${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}

go 1.23

// Pinned so every service generated from this template starts from the same, known-good set.
// go.sum is written by the first `go mod tidy` (see README.md): the template cannot carry
// checksums for versions it was never built against on the portal's machine.
require (
	github.com/lib/pq v1.10.9{% if values.producesTopic or values.consumesTopic %}
	github.com/segmentio/kafka-go v0.4.47{% endif %}
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.57.0
	go.opentelemetry.io/otel v1.32.0
	go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp v1.32.0
	go.opentelemetry.io/otel/sdk v1.32.0
	go.opentelemetry.io/otel/trace v1.32.0
)
