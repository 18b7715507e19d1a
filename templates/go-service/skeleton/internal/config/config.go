// Package config reads everything the service takes from its environment in one place, so a
// missing or malformed setting fails at start-up rather than on first use.
package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ServiceName is the name the service has in the catalog, in Kubernetes and in traces.
const ServiceName = "${{ values.name }}"

// DefaultOTLPEndpoint is Strata's OTLP receiver as seen from inside the cluster
// (templates/README.md in the portal's repository).
const DefaultOTLPEndpoint = "${{ values.otlpEndpoint }}"

// Telemetry holds the settings tracing needs; it starts before the database matters.
type Telemetry struct {
	ServiceName    string
	ServiceVersion string
	// Environment is deployment.environment on every span, e.g. production or staging.
	Environment string
	// OTLPEndpoint is the OTLP/HTTP base endpoint without a trailing slash.
	OTLPEndpoint string
}

// TracesURL is where spans are posted: `<endpoint>/v1/traces`, as the OTLP/HTTP spec says.
func (t Telemetry) TracesURL() string {
	return t.OTLPEndpoint + "/v1/traces"
}

// Config is the whole service's configuration.
type Config struct {
	Telemetry
	Port        int
	DatabaseURL string{% if values.producesTopic or values.consumesTopic %}

	// KafkaBrokers are host:port pairs (KAFKA_BROKERS, comma-separated).
	KafkaBrokers []string{% endif %}
}

// Getenv looks a variable up; os.Getenv in production, a map in tests.
type Getenv func(name string) string

// ReadTelemetry reads the tracing settings alone.
func ReadTelemetry(getenv Getenv) Telemetry {
	return Telemetry{
		ServiceName:    withDefault(getenv("OTEL_SERVICE_NAME"), ServiceName),
		ServiceVersion: withDefault(getenv("SERVICE_VERSION"), "0.1.0"),
		Environment:    withDefault(getenv("DEPLOYMENT_ENVIRONMENT"), "development"),
		OTLPEndpoint:   strings.TrimRight(withDefault(getenv("OTEL_EXPORTER_OTLP_ENDPOINT"), DefaultOTLPEndpoint), "/"),
	}
}

// Read reads and checks the whole configuration.
func Read(getenv Getenv) (Config, error) {
	databaseURL := getenv("DATABASE_URL")
	if databaseURL == "" {
		// No default on purpose: a service silently talking to the wrong database is worse
		// than one that refuses to start.
		return Config{}, errors.New("DATABASE_URL is required, e.g. postgres://user:password@host:5432/db")
	}
	port, err := parsePort(getenv("PORT"))
	if err != nil {
		return Config{}, err
	}
	return Config{
		Telemetry:   ReadTelemetry(getenv),
		Port:        port,
		DatabaseURL: databaseURL,{% if values.producesTopic or values.consumesTopic %}

		KafkaBrokers: splitList(withDefault(getenv("KAFKA_BROKERS"), "localhost:9092")),{% endif %}
	}, nil
}

func parsePort(value string) (int, error) {
	if value == "" {
		return 8080, nil
	}
	port, err := strconv.Atoi(value)
	if err != nil || port < 0 || port > 65535 {
		return 0, fmt.Errorf("PORT must be an integer between 0 and 65535, got %q", value)
	}
	return port, nil
}

func withDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}{% if values.producesTopic or values.consumesTopic %}

func splitList(value string) []string {
	var items []string
	for _, item := range strings.Split(value, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}{% endif %}
