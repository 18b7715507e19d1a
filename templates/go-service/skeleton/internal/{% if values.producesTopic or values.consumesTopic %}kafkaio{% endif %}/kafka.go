// Package kafkaio connects the service's message handling to Kafka (segmentio/kafka-go) and
// carries the trace context in message headers, so a trace continues from producer to consumer.
package kafkaio

import (
	"context"
	"errors"
	"log"
	"time"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

const tracerName = "${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/kafkaio"

// headerCarrier lets the OpenTelemetry propagator read and write Kafka headers.
type headerCarrier struct{ headers *[]kafka.Header }

func (c headerCarrier) Get(key string) string {
	for _, header := range *c.headers {
		if header.Key == key {
			return string(header.Value)
		}
	}
	return ""
}

func (c headerCarrier) Set(key, value string) {
	for i, header := range *c.headers {
		if header.Key == key {
			(*c.headers)[i].Value = []byte(value)
			return
		}
	}
	*c.headers = append(*c.headers, kafka.Header{Key: key, Value: []byte(value)})
}

func (c headerCarrier) Keys() []string {
	keys := make([]string, 0, len(*c.headers))
	for _, header := range *c.headers {
		keys = append(keys, header.Key)
	}
	return keys
}

var _ propagation.TextMapCarrier = headerCarrier{}

// Ping checks a broker answers (for /readyz).
func Ping(ctx context.Context, brokers []string) error {
	if len(brokers) == 0 {
		return errors.New("no brokers configured")
	}
	conn, err := (&kafka.Dialer{Timeout: 2 * time.Second}).DialContext(ctx, "tcp", brokers[0])
	if err != nil {
		return err
	}
	return conn.Close()
}{% if values.producesTopic %}

// Writer publishes to one topic.
type Writer struct {
	writer *kafka.Writer
}

// NewWriter creates the topic's writer; nothing connects until the first message.
func NewWriter(brokers []string, topic string) *Writer {
	return &Writer{writer: &kafka.Writer{
		Addr:         kafka.TCP(brokers...),
		Topic:        topic,
		Balancer:     &kafka.Hash{}, // one key, one partition: per-key order is kept
		RequiredAcks: kafka.RequireAll,
		BatchTimeout: 10 * time.Millisecond,
	}}
}

// Publish sends one message in a producer span whose context travels in the headers.
func (w *Writer) Publish(ctx context.Context, key, value []byte) error {
	ctx, span := otel.Tracer(tracerName).Start(ctx, w.writer.Topic+" publish",
		trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(
			attribute.String("messaging.system", "kafka"),
			attribute.String("messaging.destination.name", w.writer.Topic),
		))
	defer span.End()
	message := kafka.Message{Key: key, Value: value}
	otel.GetTextMapPropagator().Inject(ctx, headerCarrier{&message.Headers})
	err := w.writer.WriteMessages(ctx, message)
	if err != nil {
		span.RecordError(err)
	}
	return err
}

// Close flushes and closes the writer.
func (w *Writer) Close() error { return w.writer.Close() }{% endif %}{% if values.consumesTopic %}

// Consume reads topic as groupID until ctx ends, handing each message to handle in a consumer
// span that continues the producer's trace. The offset is committed only after handle returns
// nil, so a message whose handling failed is read again (at-least-once).
func Consume(ctx context.Context, brokers []string, topic, groupID string,
	handle func(ctx context.Context, key, value []byte) error, logger *log.Logger) error {
	reader := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, GroupID: groupID})
	defer reader.Close()
	tracer := otel.Tracer(tracerName)
	for {
		message, err := reader.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		parent := otel.GetTextMapPropagator().Extract(ctx, headerCarrier{&message.Headers})
		spanCtx, span := tracer.Start(parent, topic+" process",
			trace.WithSpanKind(trace.SpanKindConsumer),
			trace.WithAttributes(
				attribute.String("messaging.system", "kafka"),
				attribute.String("messaging.destination.name", topic),
				attribute.Int("messaging.kafka.destination.partition", message.Partition),
			))
		err = handle(spanCtx, message.Key, message.Value)
		if err != nil {
			span.RecordError(err)
			span.End()
			return err
		}
		span.End()
		if err := reader.CommitMessages(ctx, message); err != nil {
			logger.Printf("committing offset %d on %s: %v", message.Offset, topic, err)
		}
	}
}{% endif %}
