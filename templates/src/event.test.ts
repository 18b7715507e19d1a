/*
 * The event template through the real scaffolder, catalog and catalog-edits backends, on every
 * test database: a dry run renders a topic and its AsyncAPI schema that the portal accepts and
 * creates nothing; a real run with the local publisher catalogues both, and (the demo's producer
 * being read from a file, not GitHub) ends with instructions instead of a pull request.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the real backend the propose-produces step calls
import catalogEditsPlugin from '@internal/plugin-catalog-edits-backend';
import { validateCatalogFiles } from '@internal/plugin-catalog-validation-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import {
  ScaffolderHarness,
  startScaffolderHarness,
  templatesRoot,
} from './__testUtils__/scaffolderHarness';

const databases = TestDatabases.create();

const values = (topic: string) => ({
  topic,
  description: 'A report finished rendering and can be downloaded.',
  owner: 'group:default/growth-reporting',
  system: 'system:default/insights',
  producer: 'component:default/reporting',
  fields: [
    {
      name: 'reportId',
      type: 'uuid',
      description: 'The report',
      required: true,
    },
    {
      name: 'format',
      type: 'string',
      description: 'csv or "pdf"',
      required: true,
    },
    { name: 'rows', type: 'integer', required: false },
  ],
  publishTo: 'local',
});

const manualInstructions = (
  name: string,
) => `Add the topic to spec.produces of component:default/reporting in ${path.join(
  templatesRoot,
  '../examples/dataflow/services/reporting/catalog-info.yaml',
)}
(add the item to the list if spec.produces already exists):

spec:
  produces:
    - resource:default/${name}`;

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'event template on %s',
  databaseId => {
    let harness: ScaffolderHarness;

    beforeAll(async () => {
      harness = await startScaffolderHarness({
        databaseId,
        databases,
        features: [catalogEditsPlugin],
      });
    });

    afterAll(async () => {
      await harness?.stop();
    });

    it('dry-runs to a topic and an AsyncAPI schema the portal accepts, creating nothing', async () => {
      const started = Date.now();
      const result = await harness.dryRun(
        path.join(templatesRoot, 'event'),
        values('report.generated'),
      );
      console.log(`scaffolder dry-run event: ${Date.now() - started} ms`);

      expect(result.steps).toEqual(
        expect.arrayContaining([
          { id: 'check-topic', status: 'completed' },
          { id: 'check-schema', status: 'completed' },
          { id: 'fetch', status: 'completed' },
          { id: 'validate', status: 'completed' },
          { id: 'publish-local', status: 'completed' },
          { id: 'register-local', status: 'completed' },
          { id: 'propose-produces', status: 'completed' },
        ]),
      );
      expect(Object.keys(result.files).sort()).toEqual([
        'README.md',
        'asyncapi.yaml',
        'catalog-info.yaml',
      ]);
      const validation = validateCatalogFiles([
        { path: 'catalog-info.yaml', text: result.files['catalog-info.yaml'] },
      ]);
      expect(validation.violations).toEqual([]);
      expect(validation.entities.map(e => e.ref)).toEqual([
        'resource:default/report-generated',
        'api:default/report-generated-events',
      ]);
      const [topic, api] = parseAllDocuments(
        result.files['catalog-info.yaml'],
      ).map(d => d.toJS());
      expect(topic).toMatchObject({
        kind: 'Resource',
        metadata: {
          name: 'report-generated',
          title: 'report.generated',
          description: 'A report finished rendering and can be downloaded.',
        },
        spec: {
          type: 'kafka-topic',
          owner: 'group:default/growth-reporting',
          system: 'system:default/insights',
          topic: 'report.generated',
          schema: 'api:default/report-generated-events',
        },
      });
      expect(api).toMatchObject({
        kind: 'API',
        metadata: { name: 'report-generated-events' },
        spec: { type: 'asyncapi', definition: { $text: './asyncapi.yaml' } },
      });

      const asyncapi = parseYaml(result.files['asyncapi.yaml']);
      expect(asyncapi.asyncapi).toBe('2.6.0');
      expect(asyncapi.info).toMatchObject({
        'x-owner': 'group:default/growth-reporting',
        'x-producer': 'component:default/reporting',
      });
      expect(asyncapi.channels['report.generated'].subscribe.message).toEqual({
        $ref: '#/components/messages/ReportGenerated',
      });
      expect(asyncapi.components.messages.ReportGenerated.payload).toEqual({
        type: 'object',
        additionalProperties: false,
        required: ['eventId', 'occurredAt', 'reportId', 'format'],
        properties: {
          eventId: {
            type: 'string',
            format: 'uuid',
            description:
              'Unique per message; consumers use it to drop duplicates.',
          },
          occurredAt: {
            type: 'string',
            format: 'date-time',
            description: 'When the event happened (not when it was published).',
          },
          reportId: {
            type: 'string',
            format: 'uuid',
            description: 'The report',
          },
          format: { type: 'string', description: 'csv or "pdf"' },
          rows: { type: 'integer' },
        },
      });

      expect(result.output.text).toEqual([
        expect.objectContaining({
          content: expect.stringContaining(
            manualInstructions('report-generated'),
          ),
        }),
      ]);
      expect(fs.readdirSync(harness.repositoriesDir)).toEqual([]);
      expect(result.log.join('\n')).toContain(
        'Dry run: would ask catalog-edits for a pull request adding resource:default/report-generated to spec.produces of component:default/reporting',
      );
    });

    it('renders the envelope alone when no message fields are given', async () => {
      const { fields: _omitted, ...withoutFields } = values(
        'user.export_requested',
      );
      const result = await harness.dryRun(
        path.join(templatesRoot, 'event'),
        withoutFields,
      );
      const asyncapi = parseYaml(result.files['asyncapi.yaml']);
      expect(Object.keys(asyncapi.channels)).toEqual(['user.export_requested']);
      expect(
        asyncapi.components.messages.UserExportRequested.payload,
      ).toMatchObject({
        required: ['eventId', 'occurredAt'],
        properties: {
          eventId: expect.any(Object),
          occurredAt: expect.any(Object),
        },
      });
      expect(
        parseAllDocuments(result.files['catalog-info.yaml'])[0].toJS().metadata
          .name,
      ).toBe('user-export-requested');
    });

    it('catalogues the topic and its schema, and tells the producer what to add', async () => {
      const started = Date.now();
      const result = await harness.run('event', values('report.exported'));
      console.log(`scaffolder task event: ${Date.now() - started} ms`);
      expect({
        status: result.status,
        log: result.status === 'completed' ? [] : result.log,
      }).toEqual({
        status: 'completed',
        log: [],
      });

      const topic = await harness.waitForEntity(
        'resource:default/report-exported',
      );
      expect(topic.spec).toMatchObject({
        type: 'kafka-topic',
        topic: 'report.exported',
        schema: 'api:default/report-exported-events',
        owner: 'group:default/growth-reporting',
      });
      expect(topic.relations).toEqual(
        expect.arrayContaining([
          {
            type: 'hasSchema',
            targetRef: 'api:default/report-exported-events',
          },
          { type: 'ownedBy', targetRef: 'group:default/growth-reporting' },
        ]),
      );
      const api = await harness.waitForEntity(
        'api:default/report-exported-events',
      );
      expect(api.spec).toMatchObject({
        type: 'asyncapi',
        owner: 'group:default/growth-reporting',
      });
      // $text was resolved from asyncapi.yaml in the new repository
      expect(parseYaml(String(api.spec?.definition))).toMatchObject({
        asyncapi: '2.6.0',
        channels: { 'report.exported': expect.any(Object) },
      });
      const repository = path.join(harness.repositoriesDir, 'report-exported');
      expect(
        parseYaml(
          fs.readFileSync(path.join(repository, 'asyncapi.yaml'), 'utf8'),
        ),
      ).toMatchObject({
        asyncapi: '2.6.0',
        channels: { 'report.exported': expect.any(Object) },
      });

      // catalog-edits answered 400 (the demo's reporting service is read from a file):
      // the step succeeded with a warning and the exact lines to add.
      expect(result.log.join('\n')).toContain(
        'No pull request was opened for component:default/reporting (catalog-edits answered 400',
      );
      expect(result.output.links).toEqual([
        expect.objectContaining({
          title: 'Open the topic in the catalog',
          entityRef: 'resource:default/report-exported',
        }),
        expect.objectContaining({
          title: 'Repository',
          url: expect.stringMatching(/^file:\/\//),
        }),
      ]);
      expect(result.output.text).toEqual([
        expect.objectContaining({
          content: expect.stringContaining(
            manualInstructions('report-exported'),
          ),
        }),
      ]);
    });

    it('refuses a topic whose entity name is taken', async () => {
      const result = await harness.run(
        'event',
        values('pipeline.run.completed'),
      );
      expect(result.status).toBe('failed');
      expect(result.log.join('\n')).toContain('pipeline-run-completed');
    });
  },
);
