/*
 * The annotations contract (docs/catalog-model.md, "Annotations"): every `strata.dev/*`
 * annotation or label a template writes is one of the constants exported by
 * @internal/plugin-service-model-common, so the plugins that read them (with the constants)
 * and the templates (YAML, which cannot import them) cannot drift apart.
 *
 * Each template's skeleton is rendered with the real `fetch:template`, once with every value
 * its `fetch:template` step passes set (so every `{% if values.x %}` branch is taken) and once
 * with only the name; the annotations its steps write directly (`strata:catalog:annotate`) are
 * read from template.yaml.
 */
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  ANNOTATION_EXTRACTED_FROM,
  ANNOTATION_EXTRACTED_PATH,
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
  STRATA_ANNOTATIONS,
} from '@internal/plugin-service-model-common';
import { readWorkspaceFiles } from '@internal/plugin-local-repositories-node';
import { templateFiles } from './__testUtils__/paths';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml, parseAllDocuments } from 'yaml';

type Step = { id: string; action: string; input?: Record<string, any> };

const STRATA_KEY = /^strata\.dev\//;

function stepsOf(templateYaml: string): Step[] {
  return parseYaml(fs.readFileSync(templateYaml, 'utf8')).spec.steps;
}

/** Every file under `dir` (the workspace walker's policy), relative path → content. */
async function readTree(dir: string): Promise<Record<string, string>> {
  const files = await readWorkspaceFiles(dir);
  return Object.fromEntries(
    files
      .filter(file => file.kind !== 'symlink')
      .map(file => [file.path, Buffer.from(file.content).toString('utf8')]),
  );
}

/** `strata.dev/*` keys of metadata.annotations and metadata.labels (at any depth, for pod templates). */
function strataKeysIn(files: Record<string, string>): string[] {
  const keys: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (
          (key === 'annotations' || key === 'labels') &&
          value &&
          typeof value === 'object'
        ) {
          keys.push(...Object.keys(value).filter(k => STRATA_KEY.test(k)));
        }
        visit(value);
      }
    }
  };
  for (const [file, text] of Object.entries(files)) {
    if (/\.ya?ml$/.test(file)) {
      parseAllDocuments(text).forEach(doc => visit(doc.toJS()));
    }
  }
  return keys;
}

/** A value for every key the step passes: non-empty, so every optional branch renders. */
function everyValue(keys: string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys.map(key => {
      if (key === 'name') return [key, 'sample-service'];
      if (key === 'tier') return [key, 2];
      if (key === 'personalData') return [key, true];
      if (/owner/i.test(key)) return [key, 'group:default/sample-team'];
      if (/system/i.test(key)) return [key, 'system:default/sample'];
      if (/Ref$/.test(key)) return [key, 'resource:default/sample-topic'];
      if (/Url|Location|Endpoint/i.test(key))
        return [key, 'http://127.0.0.1:4318/sample'];
      if (/Slug/i.test(key)) return [key, 'sample-org/sample-service'];
      return [key, 'sample.value_v1'];
    }),
  );
}

describe('annotations written by the templates', () => {
  const workspace = createMockDirectory();
  const scratch = createMockDirectory();
  const fetchTemplate = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(mockServices.rootConfig()),
  });

  async function render(
    templateYaml: string,
    step: Step,
    values: Record<string, unknown>,
  ) {
    workspace.clear();
    scratch.clear();
    await fetchTemplate.handler({
      ...createMockActionContext({
        input: { ...step.input, values } as any,
        workspacePath: workspace.path,
        logger: mockServices.logger.mock(),
      }),
      createTemporaryDirectory: async () => scratch.path,
      templateInfo: {
        entityRef: 'template:default/annotations-test',
        baseUrl: pathToFileURL(templateYaml).toString(),
      },
    });
    return readTree(workspace.path);
  }

  /** template name → the strata.dev/* keys it writes. */
  async function writtenByTemplates(): Promise<Map<string, Set<string>>> {
    const written = new Map<string, Set<string>>();
    for (const templateYaml of templateFiles()) {
      const name = path.basename(path.dirname(templateYaml));
      const keys = new Set<string>();
      for (const step of stepsOf(templateYaml)) {
        if (step.action === 'fetch:template') {
          const valueKeys = Object.keys(step.input?.values ?? {});
          for (const values of [
            everyValue(valueKeys),
            { name: 'sample-service' },
          ]) {
            strataKeysIn(await render(templateYaml, step, values)).forEach(k =>
              keys.add(k),
            );
          }
        }
        if (step.action === 'strata:catalog:annotate') {
          Object.keys(step.input?.annotations ?? {})
            .filter(k => STRATA_KEY.test(k))
            .forEach(k => keys.add(k));
        }
      }
      written.set(name, keys);
    }
    return written;
  }

  it('writes only strata.dev/* annotations that service-model-common exports', async () => {
    const written = await writtenByTemplates();

    const unknown = [...written].flatMap(([template, keys]) =>
      [...keys]
        .filter(k => !(STRATA_ANNOTATIONS as readonly string[]).includes(k))
        .map(k => `${template}: ${k}`),
    );
    expect(unknown).toEqual([]);

    // The rendering really reached the annotations: the services' contract is there.
    expect(written.get('node-service')).toEqual(
      new Set([ANNOTATION_OTEL_SERVICE_NAME, ANNOTATION_SLO_FILE]),
    );
    expect(written.get('go-service')).toEqual(
      new Set([ANNOTATION_OTEL_SERVICE_NAME, ANNOTATION_SLO_FILE]),
    );
    expect(written.get('strangler-extraction')).toEqual(
      new Set([ANNOTATION_EXTRACTED_FROM, ANNOTATION_EXTRACTED_PATH]),
    );
  });
});
