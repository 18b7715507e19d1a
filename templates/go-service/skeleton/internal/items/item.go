// Package items is the example domain: replace it with the service's own.
package items

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Item is what the service stores.
type Item struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"createdAt"`
}

// NewItem is a request to create an Item.
type NewItem struct {
	Name string `json:"name"`
}

// MaxNameLength matches the column in migrations/0001_init.sql.
const MaxNameLength = 200

// ParseNewItem checks a request body and returns the item to create, or why it is invalid.
func ParseNewItem(body []byte) (NewItem, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
		return NewItem{}, errors.New("the body must be a JSON object")
	}
	var name string
	if err := json.Unmarshal(fields["name"], &name); err != nil || strings.TrimSpace(name) == "" {
		return NewItem{}, errors.New("name must be a non-empty string")
	}
	name = strings.TrimSpace(name)
	if len([]rune(name)) > MaxNameLength {
		return NewItem{}, fmt.Errorf("name must be at most %d characters", MaxNameLength)
	}
	return NewItem{Name: name}, nil
}
