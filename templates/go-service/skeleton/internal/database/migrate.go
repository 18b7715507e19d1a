package database

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// The SQL files are compiled into the binary, so the image needs nothing beside it.
//
//go:embed migrations/*.sql
var embedded embed.FS

// Migration is one SQL file; Version is its name without .sql (e.g. 0001_init).
type Migration struct {
	Version string
	SQL     string
}

// Load reads every *.sql file under dir in fsys, in name order.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	migrations := make([]Migration, 0, len(names))
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		migrations = append(migrations, Migration{
			Version: strings.TrimSuffix(path.Base(name), ".sql"),
			SQL:     string(body),
		})
	}
	return migrations, nil
}

// Pending returns the migrations not yet applied, keeping their order.
func Pending(all []Migration, applied map[string]bool) []Migration {
	var pending []Migration
	for _, migration := range all {
		if !applied[migration.Version] {
			pending = append(pending, migration)
		}
	}
	return pending
}

// migrationLock is an arbitrary constant: the key of the advisory lock that lets only one
// replica migrate at a time when several start together.
const migrationLock = 7007

// Migrate applies the embedded migrations that have not run yet, each in its own transaction,
// and returns the versions it applied.
func Migrate(ctx context.Context, db *sql.DB) ([]string, error) {
	all, err := Load(embedded, "migrations")
	if err != nil {
		return nil, err
	}
	// Advisory locks belong to a session, so lock, read and apply on one connection.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
		return nil, fmt.Errorf("waiting for the migration lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, migrationLock)

	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    TEXT PRIMARY KEY,
		applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
	)`); err != nil {
		return nil, err
	}
	applied, err := appliedVersions(ctx, conn)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, migration := range Pending(all, applied) {
		if err := apply(ctx, conn, migration); err != nil {
			return done, fmt.Errorf("migration %s: %w", migration.Version, err)
		}
		done = append(done, migration.Version)
	}
	return done, nil
}

func appliedVersions(ctx context.Context, conn *sql.Conn) (map[string]bool, error) {
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var version string
		if err := rows.Scan(&version); err != nil {
			return nil, err
		}
		applied[version] = true
	}
	return applied, rows.Err()
}

func apply(ctx context.Context, conn *sql.Conn, migration Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, migration.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version) VALUES ($1)`, migration.Version); err != nil {
		return err
	}
	return tx.Commit()
}
