// Package telemetry sends traces to Strata's OpenTelemetry receiver over OTLP/HTTP.
package telemetry

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/config"
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/httpapi"
)

// Start installs the global tracer provider and propagator. The returned function flushes
// buffered spans; call it last on shutdown.
func Start(ctx context.Context, cfg config.Telemetry) (shutdown func(context.Context) error, err error) {
	endpoint, err := url.Parse(cfg.TracesURL())
	if err != nil || endpoint.Host == "" {
		return nil, fmt.Errorf("OTEL_EXPORTER_OTLP_ENDPOINT is not a URL: %q", cfg.OTLPEndpoint)
	}
	// The endpoint is given as host + path (not WithEndpointURL) so the exporter does not also
	// apply its own reading of OTEL_EXPORTER_OTLP_ENDPOINT: Strata's default differs from
	// the SDK's localhost:4318.
	options := []otlptracehttp.Option{
		otlptracehttp.WithEndpoint(endpoint.Host),
		otlptracehttp.WithURLPath(endpoint.Path),
	}
	if endpoint.Scheme == "http" {
		options = append(options, otlptracehttp.WithInsecure())
	}
	exporter, err := otlptracehttp.New(ctx, options...)
	if err != nil {
		return nil, err
	}
	provider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(resource.NewSchemaless(
			attribute.String("service.name", cfg.ServiceName),
			attribute.String("service.version", cfg.ServiceVersion),
			// The current attribute name and the older one many backends still read.
			attribute.String("deployment.environment.name", cfg.Environment),
			attribute.String("deployment.environment", cfg.Environment),
		)),
	)
	otel.SetTracerProvider(provider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{}))
	return provider.Shutdown, nil
}

// Instrument wraps the HTTP handler so every request except the probes is a server span.
func Instrument(handler http.Handler, serviceName string) http.Handler {
	return otelhttp.NewHandler(handler, serviceName,
		otelhttp.WithFilter(func(r *http.Request) bool { return !httpapi.IsProbePath(r.URL.Path) }),
		// The routes have no ids in their paths; once one does (/items/{id}), name spans after
		// the route instead, or every id becomes a span name of its own.
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method + " " + r.URL.Path
		}),
	)
}
