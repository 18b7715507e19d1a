package database

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func versions(migrations []Migration) []string {
	result := []string{}
	for _, migration := range migrations {
		result = append(result, migration.Version)
	}
	return result
}

func TestLoadReadsSQLFilesInNameOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"migrations/0002_add_owner.sql": {Data: []byte("ALTER TABLE items ADD owner TEXT;")},
		"migrations/0001_init.sql":      {Data: []byte("CREATE TABLE items ();")},
		"migrations/README.md":          {Data: []byte("not a migration")},
	}
	migrations, err := Load(fsys, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if got := versions(migrations); !reflect.DeepEqual(got, []string{"0001_init", "0002_add_owner"}) {
		t.Errorf("got %v", got)
	}
	if migrations[0].SQL != "CREATE TABLE items ();" {
		t.Errorf("got SQL %q", migrations[0].SQL)
	}
}

func TestPendingSkipsAppliedVersions(t *testing.T) {
	all := []Migration{{Version: "0001_init"}, {Version: "0002_b"}, {Version: "0003_c"}}
	got := versions(Pending(all, map[string]bool{"0001_init": true, "0003_c": true}))
	if !reflect.DeepEqual(got, []string{"0002_b"}) {
		t.Errorf("got %v", got)
	}
	if len(Pending(all, map[string]bool{"0001_init": true, "0002_b": true, "0003_c": true})) != 0 {
		t.Error("expected nothing pending once everything has run")
	}
}

func TestTheEmbeddedMigrationsCreateTheItemsTable(t *testing.T) {
	migrations, err := Load(embedded, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if len(migrations) == 0 || migrations[0].Version != "0001_init" {
		t.Fatalf("got %v", versions(migrations))
	}
	if !strings.Contains(migrations[0].SQL, "CREATE TABLE items") {
		t.Errorf("0001_init does not create items: %q", migrations[0].SQL)
	}
}
