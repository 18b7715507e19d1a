package config

import (
	"strings"
	"testing"
)

func env(values map[string]string) Getenv {
	return func(name string) string { return values[name] }
}

func TestReadRequiresDatabaseURL(t *testing.T) {
	_, err := Read(env(map[string]string{}))
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Fatalf("expected an error naming DATABASE_URL, got %v", err)
	}
}

func TestReadDefaults(t *testing.T) {
	cfg, err := Read(env(map[string]string{"DATABASE_URL": "postgres://db/app"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Port != 8080 {
		t.Errorf("port: got %d, want 8080", cfg.Port)
	}
	if cfg.ServiceName != "${{ values.name }}" {
		t.Errorf("service name: got %q", cfg.ServiceName)
	}
	if got, want := cfg.TracesURL(), DefaultOTLPEndpoint+"/v1/traces"; got != want {
		t.Errorf("traces URL: got %q, want %q", got, want)
	}{% if values.producesTopic or values.consumesTopic %}
	if len(cfg.KafkaBrokers) != 1 || cfg.KafkaBrokers[0] != "localhost:9092" {
		t.Errorf("kafka brokers: got %v", cfg.KafkaBrokers)
	}{% endif %}
}

func TestReadOverrides(t *testing.T) {
	cfg, err := Read(env(map[string]string{
		"DATABASE_URL":                "postgres://db/app",
		"PORT":                        "9090",
		"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:7007/api/otlp/",
		"OTEL_SERVICE_NAME":           "renamed",{% if values.producesTopic or values.consumesTopic %}
		"KAFKA_BROKERS":               " a:9092, b:9092 ,,",{% endif %}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Port != 9090 || cfg.ServiceName != "renamed" {
		t.Errorf("got port %d, service name %q", cfg.Port, cfg.ServiceName)
	}
	// The trailing slash is dropped so the path is not `//v1/traces`.
	if got := cfg.TracesURL(); got != "http://127.0.0.1:7007/api/otlp/v1/traces" {
		t.Errorf("traces URL: got %q", got)
	}{% if values.producesTopic or values.consumesTopic %}
	if strings.Join(cfg.KafkaBrokers, "|") != "a:9092|b:9092" {
		t.Errorf("kafka brokers: got %v", cfg.KafkaBrokers)
	}{% endif %}
}

func TestReadRejectsBadPorts(t *testing.T) {
	for _, port := range []string{"http", "-1", "65536", "80.5"} {
		_, err := Read(env(map[string]string{"DATABASE_URL": "postgres://db/app", "PORT": port}))
		if err == nil || !strings.Contains(err.Error(), "PORT") {
			t.Errorf("PORT=%q: expected an error naming PORT, got %v", port, err)
		}
	}
}
