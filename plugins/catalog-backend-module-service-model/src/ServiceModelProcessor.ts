import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  formatModelViolation,
  serviceModelRelations,
  validateServiceModel,
} from '@internal/plugin-service-model-common';

/**
 * Enforces Strata's service model (docs/catalog-model.md) in the catalog.
 *
 * Validation runs in `validateEntityKind`, the stage the processing contract reserves for
 * rejecting an invalid entity of a known kind. It returns `false` for valid entities (the
 * builtin processor vouches for the kinds; this one only checks the fields Strata adds) and
 * throws an InputError naming the file and the fields for invalid ones. Any error makes the
 * processing result not ok, and the catalog then stores only the error: the last good version
 * of the entity and its relations stay served, with the error under `status.items`.
 *
 * Only fields that are present but wrong are errors: a standard Backstage entity without
 * Strata's fields is served (what it lacks is a recommendation, `modelRecommendations`). With
 * `strict` (config `strata.serviceModel.strict`), a missing field is an error too.
 *
 * Relations are emitted in `postProcessEntity`, which only runs for entities that passed
 * validation.
 */
export class ServiceModelProcessor implements CatalogProcessor {
  private readonly strict: boolean;

  constructor(options: { strict?: boolean } = {}) {
    this.strict = options.strict ?? false;
  }

  getProcessorName(): string {
    return 'ServiceModelProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    const violations = validateServiceModel(entity, { strict: this.strict });
    if (violations.length > 0) {
      const where =
        entity.metadata?.annotations?.[ANNOTATION_LOCATION] ??
        'an unknown location';
      throw new InputError(
        `${stringifyEntityRef(entity)} in ${where} does not follow ` +
          `Strata's service model (docs/catalog-model.md): ${violations
            .map(formatModelViolation)
            .join('; ')}`,
      );
    }
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    for (const relation of serviceModelRelations(entity)) {
      emit(processingResult.relation(relation));
    }
    return entity;
  }
}
