package readiness

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func ok(context.Context) error { return nil }

func failing(context.Context) error { return errors.New("connection refused") }

func hanging(context.Context) error {
	time.Sleep(time.Second)
	return nil
}

func TestReadyWhenEveryRequiredDependencyAnswers(t *testing.T) {
	report := Check(context.Background(), []Dependency{
		{Name: "database", Required: true, Check: ok},
		{Name: "kafka", Required: false, Check: failing},
	}, time.Second)
	if !report.Ready {
		t.Fatalf("expected ready, got %+v", report)
	}
	if kafka := report.Checks["kafka"]; kafka.OK || kafka.Reason != "connection refused" {
		t.Errorf("kafka: got %+v", kafka)
	}
}

func TestNotReadyWhenARequiredDependencyFails(t *testing.T) {
	report := Check(context.Background(), []Dependency{
		{Name: "database", Required: true, Check: failing},
	}, time.Second)
	if report.Ready {
		t.Fatalf("expected not ready, got %+v", report)
	}
}

func TestSlowChecksTimeOut(t *testing.T) {
	started := time.Now()
	report := Check(context.Background(), []Dependency{
		{Name: "database", Required: true, Check: hanging},
	}, 20*time.Millisecond)
	if elapsed := time.Since(started); elapsed > 500*time.Millisecond {
		t.Errorf("took %s, expected the timeout to cut it short", elapsed)
	}
	if report.Ready || !strings.Contains(report.Checks["database"].Reason, "no answer within") {
		t.Errorf("got %+v", report)
	}
}
