package consume

import (
	"bytes"
	"context"
	"log"
	"strings"
	"testing"
)

func TestHandleLogsJSONMessages(t *testing.T) {
	logs := &bytes.Buffer{}
	err := Handler{Log: log.New(logs, "", 0)}.Handle(context.Background(), []byte("k"), []byte(`{"type":"run.completed"}`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `of type "run.completed"`) {
		t.Errorf("log: %q", logs)
	}
}

func TestHandleSkipsMalformedMessagesWithoutBlocking(t *testing.T) {
	logs := &bytes.Buffer{}
	if err := (Handler{Log: log.New(logs, "", 0)}).Handle(context.Background(), []byte("k"), []byte(`not json`)); err != nil {
		t.Fatalf("a malformed message must not stop the consumer: %v", err)
	}
	if !strings.Contains(logs.String(), "skipping") {
		t.Errorf("log: %q", logs)
	}
}

func TestHandleStopsWhenTheContextIsDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (Handler{Log: log.New(&bytes.Buffer{}, "", 0)}).Handle(ctx, nil, []byte(`{}`)); err == nil {
		t.Error("expected the context's error so the offset is not committed")
	}
}
