// ${{ values.name }}: ${{ values.description }}
//
// main wires the parts together and owns the process's lifetime; the parts live in internal/.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/config"{% if values.consumesTopic %}
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/consume"{% endif %}
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/database"
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/httpapi"
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/items"{% if values.producesTopic or values.consumesTopic %}
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/kafkaio"{% endif %}{% if values.producesTopic %}
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/publish"{% endif %}
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/readiness"
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/telemetry"
)

// shutdownGrace is how long open requests get after SIGTERM; the pod's
// terminationGracePeriodSeconds (k8s/deployment.yaml) must be longer.
const shutdownGrace = 20 * time.Second

func main() {
	logger := log.New(os.Stderr, "", log.LstdFlags|log.LUTC)
	if err := run(logger); err != nil {
		logger.Printf("fatal: %v", err)
		os.Exit(1)
	}
}

func run(logger *log.Logger) error {
	cfg, err := config.Read(os.Getenv)
	if err != nil {
		return err
	}
	// SIGTERM is how Kubernetes stops a pod: stop accepting work, finish, flush, exit.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	shutdownTelemetry, err := telemetry.Start(ctx, cfg.Telemetry)
	if err != nil {
		return fmt.Errorf("starting telemetry: %w", err)
	}
	defer func() {
		flushCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := shutdownTelemetry(flushCtx); err != nil {
			logger.Printf("flushing traces: %v", err)
		}
	}()

	openCtx, cancelOpen := context.WithTimeout(ctx, 30*time.Second)
	db, err := database.Open(openCtx, cfg.DatabaseURL)
	cancelOpen()
	if err != nil {
		return fmt.Errorf("connecting to the database: %w", err)
	}
	defer db.Close()
	applied, err := database.Migrate(ctx, db)
	if err != nil {
		return err
	}
	logger.Printf("database schema current (%d migrations applied now)", len(applied))

	var store items.Store = items.PostgresStore{DB: db}
	dependencies := []readiness.Dependency{
		{Name: "database", Required: true, Check: db.PingContext},
	}{% if values.producesTopic or values.consumesTopic %}
	dependencies = append(dependencies, readiness.Dependency{
		// Not required: the HTTP API keeps working while Kafka is away.
		Name: "kafka", Required: false,
		Check: func(ctx context.Context) error { return kafkaio.Ping(ctx, cfg.KafkaBrokers) },
	}){% endif %}{% if values.producesTopic %}
	writer := kafkaio.NewWriter(cfg.KafkaBrokers, publish.Topic)
	defer writer.Close()
	store = publish.Store{Store: store, Publisher: writer, Log: logger}{% endif %}{% if values.consumesTopic %}
	consumerDone := make(chan error, 1)
	go func() {
		handler := consume.Handler{Log: logger}
		consumerDone <- kafkaio.Consume(ctx, cfg.KafkaBrokers, consume.Topic, consume.GroupID, handler.Handle, logger)
	}(){% endif %}

	handler := httpapi.NewHandler(httpapi.Dependencies{
		Items: store,
		Readiness: func(ctx context.Context) readiness.Report {
			return readiness.Check(ctx, dependencies, readiness.DefaultTimeout)
		},
		Log: logger,
	})
	server := &http.Server{
		Addr:              ":" + strconv.Itoa(cfg.Port),
		Handler:           telemetry.Instrument(handler, cfg.ServiceName),
		ReadHeaderTimeout: 10 * time.Second,
	}
	serverDone := make(chan error, 1)
	go func() { serverDone <- server.ListenAndServe() }()
	logger.Printf("%s listening on :%d", cfg.ServiceName, cfg.Port)

	select {
	case err := <-serverDone:
		return err{% if values.consumesTopic %}
	case err := <-consumerDone:
		if err != nil {
			return fmt.Errorf("consuming %s: %w", consume.Topic, err)
		}{% endif %}
	case <-ctx.Done():
	}
	logger.Printf("stopping: finishing open requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := server.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
