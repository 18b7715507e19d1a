package items

import (
	"context"
	"database/sql"
)

// Store keeps items. The HTTP layer depends on this interface, so its tests need no database.
type Store interface {
	List(ctx context.Context, limit int) ([]Item, error)
	Create(ctx context.Context, item NewItem) (Item, error)
}

// PostgresStore is the Store on the service's own PostgreSQL database.
type PostgresStore struct {
	DB *sql.DB
}

// List returns the newest items first.
func (s PostgresStore) List(ctx context.Context, limit int) ([]Item, error) {
	rows, err := s.DB.QueryContext(ctx,
		`SELECT id, name, created_at FROM items ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	result := []Item{}
	for rows.Next() {
		var item Item
		if err := rows.Scan(&item.ID, &item.Name, &item.CreatedAt); err != nil {
			return nil, err
		}
		result = append(result, item)
	}
	return result, rows.Err()
}

// Create inserts an item and returns it as stored.
func (s PostgresStore) Create(ctx context.Context, item NewItem) (Item, error) {
	created := Item{Name: item.Name}
	err := s.DB.QueryRowContext(ctx,
		`INSERT INTO items (name) VALUES ($1) RETURNING id, created_at`, item.Name,
	).Scan(&created.ID, &created.CreatedAt)
	return created, err
}
