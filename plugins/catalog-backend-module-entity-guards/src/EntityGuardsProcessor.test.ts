/* eslint-disable no-script-url -- script URLs are the inputs under test */
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_MAX_ENTITY_BYTES,
  EntityGuardsProcessor,
  entityBytes,
} from './EntityGuardsProcessor';
import { readMaxEntityBytes } from './module';

function component(metadata: Partial<Entity['metadata']> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'billing',
      ...metadata,
      annotations: {
        [ANNOTATION_LOCATION]: 'file:/repo/catalog-info.yaml',
        ...metadata.annotations,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'billing' },
  };
}

/** A component whose serialised size is exactly `bytes`. */
function componentOfSize(bytes: number): Entity {
  const entity = component({ description: '' });
  entity.metadata.description = 'x'.repeat(bytes - entityBytes(entity));
  expect(entityBytes(entity)).toBe(bytes);
  return entity;
}

const error = (processor: EntityGuardsProcessor, entity: Entity) =>
  processor.validateEntityKind(entity).then(
    () => undefined,
    e => e,
  );

describe('EntityGuardsProcessor', () => {
  const processor = new EntityGuardsProcessor();

  it('has a name and lets a normal entity through without claiming its kind', async () => {
    expect(processor.getProcessorName()).toBe('EntityGuardsProcessor');
    await expect(
      processor.validateEntityKind(
        component({
          links: [
            { url: 'https://billing.example/runbook', title: 'Runbook' },
            { url: 'mailto:billing@example.com' },
          ],
        }),
      ),
    ).resolves.toBe(false);
  });

  describe('size', () => {
    it('defaults to 256 KiB and accepts an entity of exactly the limit', async () => {
      expect(DEFAULT_MAX_ENTITY_BYTES).toBe(262_144);
      await expect(
        processor.validateEntityKind(componentOfSize(262_144)),
      ).resolves.toBe(false);
    });

    it('refuses one byte more with the size, the limit and the key to change', async () => {
      const e = await error(processor, componentOfSize(262_145));
      expect(e).toBeInstanceOf(InputError);
      expect(e.message).toBe(
        'component:default/billing in file:/repo/catalog-info.yaml is 262,145 bytes ' +
          "(256 KiB) as JSON, over the catalog's limit of 262,144 bytes (256 KiB). " +
          'Make the entity smaller (move long text to a linked document), or raise ' +
          'strata.catalog.maxEntityBytes in app-config.',
      );
    });

    it('counts UTF-8 bytes, not characters', async () => {
      const small = new EntityGuardsProcessor({ maxEntityBytes: 2048 });
      const entity = component({ description: 'é'.repeat(900) }); // 1800 bytes, 900 characters
      expect(JSON.stringify(entity).length).toBeLessThan(2048);
      expect(entityBytes(entity)).toBeGreaterThan(2048);
      await expect(small.validateEntityKind(entity)).rejects.toThrow(
        /over the catalog's limit of 2,048 bytes \(2 KiB\)/,
      );
    });

    it('uses the configured limit', async () => {
      const large = new EntityGuardsProcessor({
        maxEntityBytes: 4 * 1024 * 1024,
      });
      await expect(
        large.validateEntityKind(componentOfSize(2 * 1024 * 1024)),
      ).resolves.toBe(false);
    });
  });

  describe('links (the validator’s unsafe-link rule)', () => {
    it.each([
      ['javascript:alert(document.cookie)', 'is a javascript: URL'],
      [' JavaScript:alert(1)', 'is a javascript: URL'],
      ['java\tscript:alert(1)', 'is a javascript: URL'],
      ['data:text/html,<script>alert(1)</script>', 'is a data: URL'],
      ['vbscript:msgbox(1)', 'is a vbscript: URL'],
      ['/relative/docs', 'is not a valid absolute URL: "/relative/docs"'],
    ])('refuses a link to %j', async (url, problem) => {
      const e = await error(
        processor,
        component({
          links: [{ url: 'https://ok.example' }, { url, title: 'Docs' }],
        }),
      );
      expect(e).toBeInstanceOf(InputError);
      expect(e.message).toMatch(
        /^component:default\/billing in file:\/repo\/catalog-info\.yaml has unsafe links \(rule unsafe-link\): /,
      );
      expect(e.message).toContain(`metadata.links[1].url ${problem} (fix: `);
    });

    it('refuses a script URL in a URL or location annotation, as the validator does', async () => {
      const e = await error(
        processor,
        component({
          annotations: {
            'backstage.io/view-url': 'javascript:void(0)',
            'backstage.io/source-location': 'url:javascript:alert(1)',
          },
        }),
      );
      expect(e.message).toContain(
        'Annotation backstage.io/view-url is a javascript: URL',
      );
      expect(e.message).toContain(
        'Annotation backstage.io/source-location has a javascript: target',
      );
    });

    it('lets other schemes through: the validator only warns about them', async () => {
      await expect(
        processor.validateEntityKind(
          component({ links: [{ url: 'ftp://files.example/billing' }] }),
        ),
      ).resolves.toBe(false);
    });
  });
});

describe('readMaxEntityBytes', () => {
  const config = (value?: number) => ({ getOptionalNumber: () => value });

  it('defaults to 256 KiB and takes a configured value', () => {
    expect(readMaxEntityBytes(config())).toBe(262_144);
    expect(readMaxEntityBytes(config(1_048_576))).toBe(1_048_576);
  });

  it.each([0, -1, 512, 1.5])('refuses %p', value => {
    expect(() => readMaxEntityBytes(config(value))).toThrow(
      `strata.catalog.maxEntityBytes must be a whole number of bytes, at least 1024; got ${value}`,
    );
  });
});
