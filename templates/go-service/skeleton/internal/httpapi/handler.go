// Package httpapi is the service's HTTP interface: probes and the domain routes. openapi.yaml
// at the repository root describes the domain routes; keep the two in step.
package httpapi

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"strconv"

	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/items"
	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/readiness"
)

// Probe paths: Kubernetes calls them every few seconds, so they are not traced.
const (
	HealthPath = "/healthz"
	ReadyPath  = "/readyz"
)

// IsProbePath tells telemetry which requests to leave out.
func IsProbePath(path string) bool {
	return path == HealthPath || path == ReadyPath
}

const (
	defaultListLimit = 50
	maxListLimit     = 100
	// maxBodyBytes keeps a client from making the service read an unbounded body.
	maxBodyBytes = 64 << 10
)

// Dependencies is what the handler needs from the rest of the service.
type Dependencies struct {
	Items     items.Store
	Readiness func(ctx context.Context) readiness.Report
	Log       *log.Logger
}

// NewHandler routes requests. Go 1.19's ServeMux has no method patterns, so each route
// checks its methods itself.
func NewHandler(deps Dependencies) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(HealthPath, func(w http.ResponseWriter, r *http.Request) {
		// Liveness: the process serves HTTP. Dependencies belong to readiness; a failing
		// database must not make Kubernetes restart every pod.
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc(ReadyPath, func(w http.ResponseWriter, r *http.Request) {
		report := deps.Readiness(r.Context())
		status := http.StatusOK
		if !report.Ready {
			status = http.StatusServiceUnavailable
		}
		writeJSON(w, status, report)
	})
	mux.HandleFunc("/v1/items", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			listItems(w, r, deps)
		case http.MethodPost:
			createItem(w, r, deps)
		default:
			w.Header().Set("Allow", "GET, POST")
			writeError(w, http.StatusMethodNotAllowed, "use GET or POST")
		}
	})
	return mux
}

func listItems(w http.ResponseWriter, r *http.Request, deps Dependencies) {
	limit, err := parseLimit(r.URL.Query().Get("limit"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, err := deps.Items.List(r.Context(), limit)
	if err != nil {
		internalError(w, deps.Log, "listing items", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string][]items.Item{"items": list})
}

func createItem(w http.ResponseWriter, r *http.Request, deps Dependencies) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "the body is too large")
		return
	}
	newItem, err := items.ParseNewItem(body)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	created, err := deps.Items.Create(r.Context(), newItem)
	if err != nil {
		internalError(w, deps.Log, "creating an item", err)
		return
	}
	w.Header().Set("Location", "/v1/items/"+strconv.FormatInt(created.ID, 10))
	writeJSON(w, http.StatusCreated, created)
}

func parseLimit(value string) (int, error) {
	if value == "" {
		return defaultListLimit, nil
	}
	limit, err := strconv.Atoi(value)
	if err != nil || limit < 1 || limit > maxListLimit {
		return 0, errLimit
	}
	return limit, nil
}

type apiError string

func (e apiError) Error() string { return string(e) }

const errLimit = apiError("limit must be an integer from 1 to 100")

// internalError logs the cause and tells the client only that something failed: database
// errors can contain table names and values.
func internalError(w http.ResponseWriter, logger *log.Logger, doing string, err error) {
	logger.Printf("%s: %v", doing, err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
