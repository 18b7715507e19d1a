import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  applyCatalogEdit,
  CatalogEdit,
  CatalogEditError,
  ProposeEditResponse,
} from '@internal/plugin-catalog-edits-common';
import {
  validateCatalogFile,
  Violation,
} from '@internal/plugin-catalog-validation-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { randomBytes } from 'node:crypto';
import { ProposalStore } from '../database/ProposalStore';
import { PullRequestPublisher } from '../github/GithubPullRequestPublisher';
import {
  CATALOG_LOCATION_ANNOTATIONS,
  findCatalogFile,
} from '../github/source';
import { describeProposal } from './describeProposal';

/** The edit cannot be made as asked (HTTP 422), with the reasons. */
export class ProposalRejectedError extends Error {
  readonly statusCode = 422;

  constructor(message: string, readonly violations: Violation[] = []) {
    super(message);
    this.name = 'ProposalRejectedError';
  }
}

const errorKey = (v: Violation) =>
  `${v.rule}\u0000${v.entityRef}\u0000${v.message}`;

/** The errors in `after` that `before` did not have. */
export function newErrors(before: string, after: string, filePath: string) {
  const existing = new Map<string, number>();
  for (const v of validateCatalogFile(before, { filePath }).violations) {
    if (v.severity === 'error') {
      existing.set(errorKey(v), (existing.get(errorKey(v)) ?? 0) + 1);
    }
  }
  return validateCatalogFile(after, { filePath }).violations.filter(v => {
    if (v.severity !== 'error') {
      return false;
    }
    const left = existing.get(errorKey(v)) ?? 0;
    existing.set(errorKey(v), left - 1);
    return left <= 0;
  });
}

function applyOrReject(text: string, entityRef: string, edit: CatalogEdit) {
  try {
    return applyCatalogEdit(text, entityRef, edit);
  } catch (error) {
    if (!(error instanceof CatalogEditError)) {
      throw error;
    }
    switch (error.code) {
      case 'invalid-reference':
        throw new InputError(error.message);
      case 'already-applied':
        throw new ConflictError(error.message);
      case 'invalid-value':
        // The service model's own rule refused it: its message says why and how to fix it.
        throw new ProposalRejectedError(error.message);
      case 'entity-not-in-file':
        throw new ConflictError(
          `${error.message}; the catalog and the repository disagree`,
        );
      default:
        throw new ProposalRejectedError(error.message);
    }
  }
}

/** Turns a requested edit into a pull request, and records it. */
export class ProposalService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      publisher: PullRequestPublisher;
      store: ProposalStore;
      logger: LoggerService;
      /** Random suffix of branch names; replaceable in tests. */
      shortId?: () => string;
    },
  ) {}

  async propose(request: {
    entityRef: string;
    edit: CatalogEdit;
    requestedBy: string;
    credentials: BackstageCredentials;
  }): Promise<ProposeEditResponse> {
    const { catalog, publisher, store, logger } = this.options;
    const entity = await catalog.getEntityByRef(request.entityRef, {
      credentials: request.credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${request.entityRef} in the catalog`);
    }
    const entityRef = stringifyEntityRef(entity);
    // Only the file the catalog read the entity from, never an author-written annotation.
    const lookup = findCatalogFile(entity);
    if (!lookup.file) {
      throw new InputError(
        `Cannot propose an edit to ${entityRef}: this entity was not read from GitHub (read from ${
          lookup.readFrom ??
          `an unknown location: it has none of ${CATALOG_LOCATION_ANNOTATIONS.join(
            ', ',
          )}`
        }), so there is no repository to open a pull request against`,
      );
    }
    const { file } = lookup;
    const refusal = publisher.refusal(file);
    if (refusal) {
      const message = `Cannot propose an edit to ${entityRef}: ${refusal.message}`;
      throw refusal.reason === 'organization-not-allowed'
        ? new ProposalRejectedError(message)
        : new InputError(message);
    }
    const shortId = this.options.shortId?.() ?? randomBytes(3).toString('hex');
    const branch = `strata/${request.edit.type}-${entity.metadata.name}-${shortId}`;
    const text = describeProposal({
      entityRef,
      edit: request.edit,
      requestedBy: request.requestedBy,
      file,
    });

    const published = await publisher.publish({
      file,
      branch,
      ...text,
      change: current => {
        const changed = applyOrReject(current, entityRef, request.edit);
        const introduced = newErrors(current, changed, file.path);
        if (introduced.length > 0) {
          throw new ProposalRejectedError(
            `The edit would make ${file.path} invalid: ${introduced
              .map(v => v.message)
              .join('; ')}`,
            introduced,
          );
        }
        return changed;
      },
    });
    await store.add({
      entityRef,
      edit: request.edit,
      requestedBy: request.requestedBy,
      pullRequestUrl: published.pullRequestUrl,
      branch: published.branch,
    });
    logger.info(
      `Proposed ${request.edit.type} on ${entityRef} for ${request.requestedBy}: ${published.pullRequestUrl}`,
    );
    return published;
  }
}
