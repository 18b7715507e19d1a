package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/items"
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/readiness"
)

// memoryStore is an items.Store in memory; failWith makes every call fail.
type memoryStore struct {
	items    []items.Item
	failWith error
}

func (s *memoryStore) List(_ context.Context, limit int) ([]items.Item, error) {
	if s.failWith != nil {
		return nil, s.failWith
	}
	result := []items.Item{}
	for i := len(s.items) - 1; i >= 0 && len(result) < limit; i-- {
		result = append(result, s.items[i])
	}
	return result, nil
}

func (s *memoryStore) Create(_ context.Context, item items.NewItem) (items.Item, error) {
	if s.failWith != nil {
		return items.Item{}, s.failWith
	}
	created := items.Item{ID: int64(len(s.items) + 1), Name: item.Name, CreatedAt: time.Unix(0, 0).UTC()}
	s.items = append(s.items, created)
	return created, nil
}

type harness struct {
	handler http.Handler
	store   *memoryStore
	logs    *bytes.Buffer
	ready   bool
}

func newHarness() *harness {
	h := &harness{store: &memoryStore{}, logs: &bytes.Buffer{}, ready: true}
	h.handler = NewHandler(Dependencies{
		Items: h.store,
		Readiness: func(context.Context) readiness.Report {
			return readiness.Report{Ready: h.ready, Checks: map[string]readiness.Result{
				"database": {OK: h.ready, Required: true},
			}}
		},
		Log: log.New(h.logs, "", 0),
	})
	return h
}

func (h *harness) do(method, target, body string) *httptest.ResponseRecorder {
	var reader io.Reader
	if body != "" {
		reader = strings.NewReader(body)
	}
	recorder := httptest.NewRecorder()
	h.handler.ServeHTTP(recorder, httptest.NewRequest(method, target, reader))
	return recorder
}

func decode(t *testing.T, recorder *httptest.ResponseRecorder, into any) {
	t.Helper()
	if err := json.Unmarshal(recorder.Body.Bytes(), into); err != nil {
		t.Fatalf("response is not JSON: %q", recorder.Body.String())
	}
}

func TestHealthzAnswersWithoutDependencies(t *testing.T) {
	h := newHarness()
	h.ready = false
	if got := h.do(http.MethodGet, "/healthz", "").Code; got != http.StatusOK {
		t.Errorf("got %d", got)
	}
}

func TestReadyzFollowsTheReport(t *testing.T) {
	h := newHarness()
	if got := h.do(http.MethodGet, "/readyz", "").Code; got != http.StatusOK {
		t.Errorf("ready: got %d", got)
	}
	h.ready = false
	recorder := h.do(http.MethodGet, "/readyz", "")
	if recorder.Code != http.StatusServiceUnavailable {
		t.Errorf("not ready: got %d", recorder.Code)
	}
	var report readiness.Report
	decode(t, recorder, &report)
	if report.Ready || report.Checks["database"].OK {
		t.Errorf("got %+v", report)
	}
}

func TestCreateThenList(t *testing.T) {
	h := newHarness()
	created := h.do(http.MethodPost, "/v1/items", `{"name":"first"}`)
	if created.Code != http.StatusCreated || created.Header().Get("Location") != "/v1/items/1" {
		t.Fatalf("create: %d %q %s", created.Code, created.Header().Get("Location"), created.Body)
	}
	h.do(http.MethodPost, "/v1/items", `{"name":"second"}`)

	recorder := h.do(http.MethodGet, "/v1/items?limit=1", "")
	var body struct{ Items []items.Item }
	decode(t, recorder, &body)
	if recorder.Code != http.StatusOK || len(body.Items) != 1 || body.Items[0].Name != "second" {
		t.Errorf("list: %d %+v", recorder.Code, body)
	}
}

func TestBadRequests(t *testing.T) {
	h := newHarness()
	cases := []struct {
		method, target, body string
		status               int
	}{
		{http.MethodPost, "/v1/items", `{"name":""}`, http.StatusBadRequest},
		{http.MethodPost, "/v1/items", `not json`, http.StatusBadRequest},
		{http.MethodPost, "/v1/items", `{"name":"` + strings.Repeat("x", maxBodyBytes) + `"}`, http.StatusRequestEntityTooLarge},
		{http.MethodGet, "/v1/items?limit=0", "", http.StatusBadRequest},
		{http.MethodGet, "/v1/items?limit=many", "", http.StatusBadRequest},
		{http.MethodDelete, "/v1/items", "", http.StatusMethodNotAllowed},
	}
	for _, c := range cases {
		recorder := h.do(c.method, c.target, c.body)
		var body map[string]string
		decode(t, recorder, &body)
		if recorder.Code != c.status || body["error"] == "" {
			t.Errorf("%s %.40s: got %d %v, want %d with an error", c.method, c.target, recorder.Code, body, c.status)
		}
	}
	if len(h.store.items) != 0 {
		t.Errorf("nothing should have been stored, got %+v", h.store.items)
	}
}

func TestStoreFailuresAreLoggedNotShown(t *testing.T) {
	h := newHarness()
	h.store.failWith = errors.New(`relation "items" does not exist`)
	recorder := h.do(http.MethodGet, "/v1/items", "")
	if recorder.Code != http.StatusInternalServerError {
		t.Fatalf("got %d", recorder.Code)
	}
	if strings.Contains(recorder.Body.String(), "relation") {
		t.Errorf("the database error leaked to the client: %s", recorder.Body)
	}
	if !strings.Contains(h.logs.String(), `relation "items" does not exist`) {
		t.Errorf("the cause was not logged: %q", h.logs)
	}
}

func TestProbePathsAreNotTraced(t *testing.T) {
	if !IsProbePath("/healthz") || !IsProbePath("/readyz") || IsProbePath("/v1/items") {
		t.Error("IsProbePath")
	}
}
