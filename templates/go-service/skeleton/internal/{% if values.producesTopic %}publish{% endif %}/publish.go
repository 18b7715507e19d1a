// Package publish announces changes on the service's Kafka topic, ${{ values.producesTopic }}.
// api/asyncapi.yaml describes the messages; keep the two in step.
package publish

import (
	"context"
	"encoding/json"
	"log"
	"strconv"
	"time"

	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/items"
)

// Topic is the broker name of the topic this service produces.
const Topic = "${{ values.producesTopic }}"

// Publisher writes one message; the Kafka writer in internal/kafkaio in production.
type Publisher interface {
	Publish(ctx context.Context, key, value []byte) error
}

// ItemCreated is the message sent after an item is stored.
type ItemCreated struct {
	Type      string    `json:"type"`
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"createdAt"`
}

// EncodeItemCreated returns the message key (the item id, so all messages about one item stay
// in order on one partition) and value.
func EncodeItemCreated(item items.Item) (key, value []byte, err error) {
	value, err = json.Marshal(ItemCreated{Type: "item.created", ID: item.ID, Name: item.Name, CreatedAt: item.CreatedAt})
	return []byte(strconv.FormatInt(item.ID, 10)), value, err
}

// Store wraps an items.Store and publishes ItemCreated after each successful Create.
//
// The message is sent after the row is committed and a failure is only logged: a consumer may
// miss an item but never hears of one that does not exist. When every item must reach the
// topic, write the message to an outbox table in the same transaction instead.
type Store struct {
	items.Store
	Publisher Publisher
	Log       *log.Logger
}

// Create stores the item, then publishes it.
func (s Store) Create(ctx context.Context, item items.NewItem) (items.Item, error) {
	created, err := s.Store.Create(ctx, item)
	if err != nil {
		return created, err
	}
	key, value, err := EncodeItemCreated(created)
	if err == nil {
		err = s.Publisher.Publish(ctx, key, value)
	}
	if err != nil {
		s.Log.Printf("item %d stored but not published to %s: %v", created.ID, Topic, err)
	}
	return created, nil
}
