package items

import (
	"strings"
	"testing"
)

func TestParseNewItemAcceptsAName(t *testing.T) {
	item, err := ParseNewItem([]byte(`{"name":"  first  "}`))
	if err != nil {
		t.Fatal(err)
	}
	if item.Name != "first" {
		t.Errorf("got %q, want the trimmed name", item.Name)
	}
}

func TestParseNewItemRejectsBadBodies(t *testing.T) {
	cases := map[string]string{
		``:               "JSON object",
		`[]`:             "JSON object",
		`null`:           "JSON object",
		`"name"`:         "JSON object",
		`{}`:             "non-empty string",
		`{"name":""}`:    "non-empty string",
		`{"name":"   "}`: "non-empty string",
		`{"name":42}`:    "non-empty string",
		`{"name":["a"]}`: "non-empty string",

		`{"name":"` + strings.Repeat("x", MaxNameLength+1) + `"}`: "at most",
	}
	for body, want := range cases {
		if _, err := ParseNewItem([]byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.40q: got %v, want an error containing %q", body, err, want)
		}
	}
}

func TestParseNewItemCountsCharactersNotBytes(t *testing.T) {
	name := strings.Repeat("é", MaxNameLength)
	if _, err := ParseNewItem([]byte(`{"name":"` + name + `"}`)); err != nil {
		t.Errorf("%d two-byte characters should fit: %v", MaxNameLength, err)
	}
}
