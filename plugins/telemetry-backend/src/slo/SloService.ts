import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OPENSLO_RULES,
  OpenSloFile,
  parseOpenSloFile,
  SloFileProblem,
  SloStatusList,
} from '@internal/plugin-telemetry-common';
import { catalogReadCredentials } from '@internal/backend-http-kit';
import { SliSource } from '@internal/plugin-telemetry-node';
import { evaluateSlos } from './evaluateSlos';
import { locateSloFile, SloFileLocation } from './sloFileLocation';
import { SloFileReader } from './SloFileReader';
import { TtlCache } from './TtlCache';

/** A problem that is about the file as a whole (it cannot be read), not a line in it. */
function fileProblem(file: string, message: string): SloFileProblem {
  return {
    file,
    line: 1,
    column: 1,
    rule: OPENSLO_RULES.unreadableFile,
    message,
  };
}

/**
 * `GET /v1/slos?entityRef=`: the entity's SLO file (its `strata.dev/slo-file`, read and parsed
 * at most once per TTL), each evaluable objective evaluated through the metrics source, and the
 * file's problems beside them.
 */
export class SloService {
  private readonly files: TtlCache<OpenSloFile>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      integrations: ScmIntegrationRegistry;
      reader: SloFileReader;
      metricsSource: SliSource;
      /** How long a read SLO file is used before it is read again. Default 5 minutes. */
      fileCacheTtlMs?: number;
      now?: () => number;
    },
  ) {
    this.files = new TtlCache({
      ttlMs: options.fileCacheTtlMs ?? 5 * 60_000,
      maxEntries: 1000,
      now: options.now,
    });
  }

  /** The file at a location, parsed; an unreadable file is a file with one problem. */
  private readSloFile(location: SloFileLocation): Promise<OpenSloFile> {
    return this.files.get(`${location.type}:${location.target}`, async () => {
      const read = await this.options.reader.read(location);
      if (read.kind === 'unreadable') {
        return {
          file: location.target,
          slos: [],
          problems: [fileProblem(location.target, read.reason)],
        };
      }
      return parseOpenSloFile(read.text, { file: location.target });
    });
  }

  async getSloStatuses(
    entityRef: string,
    options: { credentials?: BackstageCredentials } = {},
  ): Promise<SloStatusList> {
    try {
      parseEntityRef(entityRef);
    } catch {
      throw new InputError(
        `entityRef must be an entity reference such as component:default/billing, got "${entityRef}"`,
      );
    }
    // A user reads the catalog as themselves; a service principal (the machine token of on-call
    // tools) with the plugin's own credentials, since its restricted token cannot be delegated.
    const credentials = options.credentials
      ? await catalogReadCredentials(this.options.auth, options.credentials)
      : await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const ref = stringifyEntityRef(entity);

    const located = locateSloFile(entity, this.options.integrations);
    if (located.kind === 'none')
      return { entityRef: ref, items: [], problems: [] };
    if (located.kind === 'unresolvable') {
      return {
        entityRef: ref,
        items: [],
        problems: [fileProblem(ref, located.reason)],
      };
    }
    const file = await this.readSloFile(located.location);
    const now = new Date((this.options.now ?? Date.now)());
    return {
      entityRef: ref,
      file: file.file,
      items: await evaluateSlos(file.slos, this.options.metricsSource, now),
      problems: file.problems,
    };
  }
}
