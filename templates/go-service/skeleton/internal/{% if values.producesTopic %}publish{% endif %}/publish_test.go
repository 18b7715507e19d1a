package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log"
	"strings"
	"testing"
	"time"

	"${{ ("github.com/" + values.repoSlug) if values.repoSlug else values.name }}/internal/items"
)

type fakeStore struct{ nextID int64 }

func (s *fakeStore) List(context.Context, int) ([]items.Item, error) { return nil, nil }

func (s *fakeStore) Create(_ context.Context, item items.NewItem) (items.Item, error) {
	s.nextID++
	return items.Item{ID: s.nextID, Name: item.Name, CreatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}, nil
}

type recordingPublisher struct {
	keys, values [][]byte
	failWith     error
}

func (p *recordingPublisher) Publish(_ context.Context, key, value []byte) error {
	if p.failWith != nil {
		return p.failWith
	}
	p.keys = append(p.keys, key)
	p.values = append(p.values, value)
	return nil
}

func TestCreatePublishesItemCreated(t *testing.T) {
	publisher := &recordingPublisher{}
	store := Store{Store: &fakeStore{}, Publisher: publisher, Log: log.New(&bytes.Buffer{}, "", 0)}
	created, err := store.Create(context.Background(), items.NewItem{Name: "first"})
	if err != nil {
		t.Fatal(err)
	}
	if len(publisher.values) != 1 || string(publisher.keys[0]) != "1" {
		t.Fatalf("published %d messages, keys %q", len(publisher.values), publisher.keys)
	}
	var message ItemCreated
	if err := json.Unmarshal(publisher.values[0], &message); err != nil {
		t.Fatal(err)
	}
	if message.Type != "item.created" || message.ID != created.ID || message.Name != "first" ||
		!message.CreatedAt.Equal(created.CreatedAt) {
		t.Errorf("got %+v", message)
	}
}

func TestAFailedPublishKeepsTheItemAndIsLogged(t *testing.T) {
	logs := &bytes.Buffer{}
	publisher := &recordingPublisher{failWith: errors.New("broker unreachable")}
	store := Store{Store: &fakeStore{}, Publisher: publisher, Log: log.New(logs, "", 0)}
	created, err := store.Create(context.Background(), items.NewItem{Name: "first"})
	if err != nil || created.ID != 1 {
		t.Fatalf("got %+v, %v", created, err)
	}
	if !strings.Contains(logs.String(), "broker unreachable") || !strings.Contains(logs.String(), Topic) {
		t.Errorf("log: %q", logs)
	}
}
