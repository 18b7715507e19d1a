// Package readiness answers Kubernetes' question "may this pod receive traffic?".
//
// Only dependencies without which no request can succeed are Required; the others are
// reported so an operator sees them, but taking every pod out of the Service because, say,
// Kafka is down would turn a partial outage into a full one.
package readiness

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Dependency is something the service talks to.
type Dependency struct {
	Name     string
	Required bool
	// Check returns nil when the dependency answers.
	Check func(ctx context.Context) error
}

// Result is one dependency's state.
type Result struct {
	OK       bool   `json:"ok"`
	Required bool   `json:"required"`
	Reason   string `json:"reason,omitempty"`
}

// Report is the answer to /readyz.
type Report struct {
	Ready  bool              `json:"ready"`
	Checks map[string]Result `json:"checks"`
}

// DefaultTimeout bounds each check: the kubelet gives up on the probe soon after.
const DefaultTimeout = 2 * time.Second

// Check runs every dependency's check concurrently, each bounded by timeout.
func Check(ctx context.Context, dependencies []Dependency, timeout time.Duration) Report {
	report := Report{Ready: true, Checks: make(map[string]Result, len(dependencies))}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, dependency := range dependencies {
		wg.Add(1)
		go func(dependency Dependency) {
			defer wg.Done()
			result := Result{OK: true, Required: dependency.Required}
			if err := checkWithin(ctx, dependency.Check, timeout); err != nil {
				result = Result{OK: false, Required: dependency.Required, Reason: err.Error()}
			}
			mu.Lock()
			defer mu.Unlock()
			report.Checks[dependency.Name] = result
			if !result.OK && result.Required {
				report.Ready = false
			}
		}(dependency)
	}
	wg.Wait()
	return report
}

// checkWithin also stops waiting for checks that ignore their context.
func checkWithin(ctx context.Context, check func(context.Context) error, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- check(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("no answer within %s", timeout)
	}
}
