import {
  addConsumes,
  addDependsOn,
  addProduces,
  applyCatalogEdit,
  setOwner,
} from './edits';
import { CatalogEditError } from './errors';

const FILE = `# Catalog entry for the pipeline service.
# Edited by hand: keep the comments.
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: pipeline-api
spec:
  type: openapi
  owner: group:default/pipelines   # same owner as the service
  lifecycle: production
  definition: "openapi: 3.0.0"
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pipeline-service # the runner
  description: Runs pipelines, a description long enough that a YAML printer would want to fold it somewhere.
spec:
  type: service
  lifecycle: production
  owner: "group:default/pipelines"  # the owning team
  tier: 1
  providesApis: [api:default/pipeline-api]
  dependsOn:
  - resource:default/pipeline-db   # primary store

  # Topics
  produces:
    - resource:default/pipeline-run-created
`;

const SERVICE = 'component:default/pipeline-service';

describe('setOwner', () => {
  it('changes only the owner of the right document, keeping its quotes and comment', () => {
    const out = setOwner(FILE, SERVICE, 'group:default/platform');
    expect(out).toBe(
      FILE.replace(
        'owner: "group:default/pipelines"  # the owning team',
        'owner: "group:default/platform"  # the owning team',
      ),
    );
  });

  it('defaults the kind to group and the namespace to the entity namespace', () => {
    const out = setOwner(FILE, 'API:default/pipeline-api', 'platform');
    expect(out).toBe(
      FILE.replace(
        'owner: group:default/pipelines   # same owner as the service',
        'owner: group:default/platform   # same owner as the service',
      ),
    );
  });

  it('adds the owner after spec.type when it is missing', () => {
    const text = `kind: Component
metadata:
  name: a
spec:
    type: service   # kept
    lifecycle: production
`;
    expect(setOwner(text, 'component:a', 'user:default/jane')).toBe(
      `kind: Component
metadata:
  name: a
spec:
    type: service   # kept
    owner: user:default/jane
    lifecycle: production
`,
    );
  });

  it('refuses an entity that is not in the file', () => {
    expect(() => setOwner(FILE, 'component:default/other', 'group:x')).toThrow(
      new CatalogEditError(
        'entity-not-in-file',
        'component:default/other is not declared in this file',
      ),
    );
  });

  it('refuses the owner the entity already has, and refs that are not groups or users', () => {
    expect(() => setOwner(FILE, SERVICE, 'pipelines')).toThrow(
      /already owned by group:default\/pipelines/,
    );
    expect(() => setOwner(FILE, SERVICE, 'resource:default/db')).toThrow(
      /not a valid reference to a group or user/,
    );
    expect(() => setOwner(FILE, SERVICE, 'group:default/a # b')).toThrow(
      CatalogEditError,
    );
  });
});

describe('addDependsOn', () => {
  it('appends to a block list with its indentation, after the trailing comment', () => {
    expect(addDependsOn(FILE, SERVICE, 'resource:default/pipeline-cache')).toBe(
      FILE.replace(
        '  - resource:default/pipeline-db   # primary store\n',
        '  - resource:default/pipeline-db   # primary store\n  - resource:default/pipeline-cache\n',
      ),
    );
  });

  it('refuses a database already listed, whatever the spelling', () => {
    expect(() => addDependsOn(FILE, SERVICE, 'pipeline-db')).toThrow(
      /already lists resource:default\/pipeline-db/,
    );
  });

  it('creates the list when missing, indented like the file', () => {
    const text = `kind: Component
metadata: { name: a }
spec:
  type: service
  consumesApis:
  - api:b
  owner: team-a
---
kind: Group
metadata:
  name: team-a
`;
    expect(addDependsOn(text, 'component:default/a', 'a-db')).toBe(
      `kind: Component
metadata: { name: a }
spec:
  type: service
  consumesApis:
  - api:b
  owner: team-a
  dependsOn:
  - resource:default/a-db
---
kind: Group
metadata:
  name: team-a
`,
    );
  });
});

describe('addProduces / addConsumes', () => {
  it('appends to an indented block list', () => {
    expect(
      addProduces(FILE, SERVICE, 'resource:default/pipeline-run-done'),
    ).toBe(`${FILE}    - resource:default/pipeline-run-done\n`);
  });

  it('adds consumes at the end of spec when missing, with the first list style', () => {
    expect(addConsumes(FILE, SERVICE, 'connector-configured')).toBe(
      `${FILE}  consumes:\n  - resource:default/connector-configured\n`,
    );
  });

  it('appends to a flow list', () => {
    const text = `kind: Component
metadata:
  name: a
spec:
  type: service
  consumes: [resource:default/t1]  # flow
`;
    expect(addConsumes(text, 'component:a', 't2')).toBe(
      text.replace(
        '[resource:default/t1]',
        '[resource:default/t1, resource:default/t2]',
      ),
    );
  });

  it('keeps CRLF line endings and a file without a final newline', () => {
    const text =
      'kind: Component\r\nmetadata:\r\n  name: a\r\nspec:\r\n  produces:\r\n    - resource:default/t1';
    expect(addProduces(text, 'component:a', 't2')).toBe(
      `${text}\r\n    - resource:default/t2`,
    );
  });

  it('refuses a spec that is not a mapping', () => {
    const text = 'kind: Component\nmetadata:\n  name: a\nspec: nothing\n';
    expect(() => addProduces(text, 'component:a', 't')).toThrow(
      /not a block mapping/,
    );
  });
});

describe('entity refs, compared as the catalog compares them (case-insensitively, the name too)', () => {
  it('finds the entity and sees an owner or a listed database whatever their spelling', () => {
    expect(
      setOwner(FILE, 'Component:Default/Pipeline-Service', 'platform'),
    ).toBe(setOwner(FILE, SERVICE, 'group:default/platform'));
    expect(() => setOwner(FILE, SERVICE, 'Group:Default/PIPELINES')).toThrow(
      /already owned by group:default\/pipelines/,
    );
    expect(() =>
      addDependsOn(FILE, SERVICE, 'Resource:DEFAULT/Pipeline-DB'),
    ).toThrow(/already lists resource:default\/pipeline-db/);
  });

  it('writes the full, lower-case ref', () => {
    expect(addConsumes(FILE, SERVICE, 'Connector-Configured')).toBe(
      `${FILE}  consumes:\n  - resource:default/connector-configured\n`,
    );
  });
});

describe('applyCatalogEdit', () => {
  it('dispatches on the edit type', () => {
    expect(
      applyCatalogEdit(FILE, SERVICE, {
        type: 'addDatabase',
        resourceRef: 'pipeline-cache',
      }),
    ).toBe(addDependsOn(FILE, SERVICE, 'pipeline-cache'));
  });
});
