import { applyCatalogEdit, setSpecField } from './edits';
import { CatalogEditError } from './errors';
import { specFieldValueFromText } from './specFields';

/*
 * Golden tests: each expected file is the input with exactly the bytes of one
 * value changed or one line added; everything else stays as written.
 */

const FILE = `# Billing: the service and its stores.
# Edited by hand: keep the comments.
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: billing # the API
spec:
  type: service
  lifecycle: production
  owner: group:default/billing  # on-call: #billing

  providesApis: [api:default/billing-api]
  dependsOn:
  - resource:default/billing-db   # primary store
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: billing-db
spec:
  type: database
  owner: group:default/billing
  engine: "postgres"   # the managed cluster
  # personalData: ask the DPO
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: invoice-created
  title: billing.invoice.created
spec: {type: kafka-topic, owner: group:default/billing}
`;

const SERVICE = 'component:default/billing';
const DB = 'resource:default/billing-db';
const TOPIC = 'resource:default/invoice-created';

function refusal(run: () => unknown): CatalogEditError {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogEditError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the edit to be refused');
}

describe('setSpecField', () => {
  it('adds a missing tier as the last line of spec, keeping comments, blank lines and flow lists', () => {
    const out = setSpecField(FILE, SERVICE, { path: 'spec.tier', value: 2 });
    expect(out).toBe(
      FILE.replace(
        '  - resource:default/billing-db   # primary store\n',
        '  - resource:default/billing-db   # primary store\n  tier: 2\n',
      ),
    );
  });

  it('replaces a present value in place, keeping its quotes and trailing comment', () => {
    const out = setSpecField(FILE, DB, {
      path: 'spec.engine',
      value: 'postgresql',
    });
    expect(out).toBe(
      FILE.replace(
        'engine: "postgres"   # the managed cluster',
        'engine: "postgresql"   # the managed cluster',
      ),
    );
  });

  it('adds a boolean to the right document of several, after the last field (not the comment)', () => {
    const out = setSpecField(FILE, DB, {
      path: 'spec.personalData',
      value: false,
    });
    expect(out).toBe(
      FILE.replace(
        'engine: "postgres"   # the managed cluster\n',
        'engine: "postgres"   # the managed cluster\n  personalData: false\n',
      ),
    );
  });

  it('adds to a flow-style spec inside its braces', () => {
    const out = setSpecField(FILE, TOPIC, {
      path: 'spec.topic',
      value: 'billing.invoice.created',
    });
    expect(out).toBe(
      FILE.replace(
        'spec: {type: kafka-topic, owner: group:default/billing}',
        'spec: {type: kafka-topic, owner: group:default/billing, topic: billing.invoice.created}',
      ),
    );
  });

  it('quotes a string that YAML would otherwise read as something else', () => {
    const out = setSpecField(FILE, TOPIC, { path: 'spec.topic', value: '42' });
    expect(out).toContain(
      'spec: {type: kafka-topic, owner: group:default/billing, topic: "42"}',
    );
  });

  it('replaces a quoted tier (which the model refuses) with the number', () => {
    const text = FILE.replace(
      '  lifecycle: production\n',
      "  lifecycle: production\n  tier: '1' # was a string\n",
    );
    expect(setSpecField(text, SERVICE, { path: 'spec.tier', value: 1 })).toBe(
      FILE.replace(
        '  lifecycle: production\n',
        '  lifecycle: production\n  tier: 1 # was a string\n',
      ),
    );
  });

  it('fills an empty value after its key', () => {
    const text = FILE.replace(
      '  type: database\n',
      '  type: database\n  personalData: # yes or no?\n',
    );
    expect(
      setSpecField(text, DB, { path: 'spec.personalData', value: true }),
    ).toBe(
      FILE.replace(
        '  type: database\n',
        '  type: database\n  personalData: true # yes or no?\n',
      ),
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const out = setSpecField(crlf, SERVICE, { path: 'spec.tier', value: 3 });
    expect(out).toBe(
      crlf.replace(
        '  - resource:default/billing-db   # primary store\r\n',
        '  - resource:default/billing-db   # primary store\r\n  tier: 3\r\n',
      ),
    );
  });

  it('writes a schema ref as given, once the model accepts it', () => {
    const out = applyCatalogEdit(FILE, TOPIC, {
      type: 'setSpecField',
      path: 'spec.schema',
      value: 'api:default/billing-events',
    });
    expect(out).toContain(
      'owner: group:default/billing, schema: api:default/billing-events}',
    );
  });

  describe('refuses what the service model refuses, with its message', () => {
    it('a tier that is not 1, 2 or 3', () => {
      const error = refusal(() =>
        applyCatalogEdit(FILE, SERVICE, {
          type: 'setSpecField',
          path: 'spec.tier',
          value: 4 as 1,
        }),
      );
      expect(error.code).toBe('invalid-value');
      expect(error.message).toBe(
        'spec.tier: must be the integer 1, 2 or 3, got 4 (fix: Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).)',
      );
    });

    it('an engine spelled the wrong way, suggesting the right one', () => {
      const error = refusal(() =>
        setSpecField(FILE, DB, { path: 'spec.engine', value: 'pg' as 'mysql' }),
      );
      expect(error.code).toBe('invalid-value');
      expect(error.message).toMatch(
        /^spec\.engine: must be one of postgresql, .*, got "pg" \(fix: Write `engine: postgresql`\.\)$/,
      );
    });

    it('a schema that is not an API ref, and an empty topic', () => {
      expect(
        refusal(() =>
          setSpecField(FILE, TOPIC, {
            path: 'spec.schema',
            value: 'resource:default/billing-db',
          }),
        ).message,
      ).toMatch(/^spec\.schema: "resource:default\/billing-db" has kind/);
      expect(
        refusal(() =>
          setSpecField(FILE, TOPIC, { path: 'spec.topic', value: ' ' }),
        ).message,
      ).toMatch(/^spec\.topic: must be the Kafka topic name on the broker/);
    });

    it('a field the entity does not carry (a tier on a database)', () => {
      const error = refusal(() =>
        setSpecField(FILE, DB, { path: 'spec.tier', value: 1 }),
      );
      expect(error.code).toBe('invalid-value');
      expect(error.message).toBe(
        'spec.tier is not part of the service model of resource:default/billing-db (Resource of type database); it belongs to component entities',
      );
    });

    it('a path outside the list, and a value on several lines', () => {
      expect(
        refusal(() =>
          setSpecField(FILE, SERVICE, {
            path: 'spec.owner' as 'spec.topic',
            value: 'x',
          }),
        ).code,
      ).toBe('invalid-value');
      expect(
        refusal(() =>
          setSpecField(FILE, TOPIC, { path: 'spec.topic', value: 'a\nb' }),
        ).message,
      ).toBe('spec.topic: must be one line');
    });
  });

  it('says when the file already has the value', () => {
    const error = refusal(() =>
      setSpecField(FILE.replace('"postgres"', 'postgresql'), DB, {
        path: 'spec.engine',
        value: 'postgresql',
      }),
    );
    expect(error.code).toBe('already-applied');
    expect(error.message).toBe(
      'spec.engine of resource:default/billing-db is already "postgresql"',
    );
  });

  it('refuses a value written as a block scalar or a list rather than guess', () => {
    const text = FILE.replace(
      '  engine: "postgres"   # the managed cluster\n',
      '  engine: |\n    postgres\n',
    );
    expect(
      refusal(() =>
        setSpecField(text, DB, { path: 'spec.engine', value: 'postgresql' }),
      ).code,
    ).toBe('unsupported-shape');
  });

  it('refuses an entity the file does not declare', () => {
    expect(
      refusal(() =>
        setSpecField(FILE, 'component:default/other', {
          path: 'spec.tier',
          value: 1,
        }),
      ).code,
    ).toBe('entity-not-in-file');
  });
});

describe('specFieldValueFromText', () => {
  it('reads a form’s text as the value the model expects', () => {
    expect(specFieldValueFromText('spec.tier', '2')).toBe(2);
    expect(specFieldValueFromText('spec.personalData', 'false')).toBe(false);
    expect(specFieldValueFromText('spec.engine', ' mysql ')).toBe('mysql');
    expect(specFieldValueFromText('spec.topic', '42')).toBe('42');
  });
});
