package kafkaio

import (
	"context"
	"testing"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

func TestTraceContextRoundTripsThroughHeaders(t *testing.T) {
	traceID, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	spanID, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	ctx := trace.ContextWithSpanContext(context.Background(), trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: traceID, SpanID: spanID, TraceFlags: trace.FlagsSampled,
	}))
	propagator := propagation.TraceContext{}

	headers := []kafka.Header{{Key: "other", Value: []byte("kept")}}
	propagator.Inject(ctx, headerCarrier{&headers})
	if len(headers) != 2 || (headerCarrier{&headers}).Get("other") != "kept" {
		t.Fatalf("headers: %+v", headers)
	}

	extracted := trace.SpanContextFromContext(propagator.Extract(context.Background(), headerCarrier{&headers}))
	if extracted.TraceID() != traceID || extracted.SpanID() != spanID || !extracted.IsSampled() {
		t.Errorf("extracted %+v", extracted)
	}
}

func TestSetReplacesAnExistingHeader(t *testing.T) {
	headers := []kafka.Header{{Key: "traceparent", Value: []byte("old")}}
	headerCarrier{&headers}.Set("traceparent", "new")
	if len(headers) != 1 || string(headers[0].Value) != "new" {
		t.Errorf("headers: %+v", headers)
	}
}
