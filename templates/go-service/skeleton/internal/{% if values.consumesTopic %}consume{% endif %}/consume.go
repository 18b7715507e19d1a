// Package consume handles messages from ${{ values.consumesTopic }}, a topic another service
// produces (${{ values.consumesTopicRef }} in the catalog; its schema is linked from there).
package consume

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
)

// Topic is the broker name of the consumed topic.
const Topic = "${{ values.consumesTopic }}"

// GroupID is the consumer group: replicas share the partitions, each message is handled once
// per group.
const GroupID = "${{ values.name }}"

// Handler processes one message. Returning an error stops the consumer before the offset is
// committed, so the message is read again after a restart (at-least-once): make it idempotent.
type Handler struct {
	Log *log.Logger
}

// Handle is the place for the service's own logic. It checks the message is JSON and logs it.
func (h Handler) Handle(ctx context.Context, key, value []byte) error {
	var message map[string]any
	if err := json.Unmarshal(value, &message); err != nil {
		// A message that can never be parsed would block the partition forever if returned
		// as an error; log it and move on (or send it to a dead-letter topic).
		h.Log.Printf("skipping a message on %s that is not a JSON object (key %q): %v", Topic, key, err)
		return nil
	}
	h.Log.Printf("received %s message %s", Topic, describe(message))
	return ctx.Err()
}

func describe(message map[string]any) string {
	if kind, ok := message["type"].(string); ok {
		return fmt.Sprintf("of type %q", kind)
	}
	return fmt.Sprintf("with %d fields", len(message))
}
