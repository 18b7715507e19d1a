// Package database opens the service's PostgreSQL database and keeps its schema current.
package database

import (
	"context"
	"database/sql"
	"time"

	// Registers the "postgres" driver for database/sql.
	_ "github.com/lib/pq"
)

// Open connects and waits (bounded by ctx) until the server answers, so a pod that cannot
// reach its database fails at start-up with a clear error instead of on its first request.
func Open(ctx context.Context, url string) (*sql.DB, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, err
	}
	// Two replicas, each with a few connections, stay well inside a small server's limit.
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(5)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
