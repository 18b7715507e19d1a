import {
  CompoundEntityRef,
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import type { ModelViolation } from './types';
import { show } from './entity';

/** Kinds the model's refs point at, lower case, with their display name and article. */
const KIND_NAMES: Record<string, string> = {
  resource: 'a Resource',
  api: 'an API',
};

export type RefResult =
  | { ref: CompoundEntityRef; problem?: undefined }
  | { ref?: undefined; problem: { message: string; fix: string } };

/**
 * Parses one ref of the model: a string entity ref whose kind (explicit, or `defaultKind`
 * when omitted) must be `expectedKind`.
 */
export function parseModelRef(
  value: unknown,
  expectedKind: 'resource' | 'api',
  defaultNamespace: string,
  example: string,
): RefResult {
  const kindName = KIND_NAMES[expectedKind];
  if (typeof value !== 'string' || value.trim() === '') {
    return {
      problem: {
        message: `must be an entity ref string, got ${show(value)}`,
        fix: `Write the ref of ${kindName}, e.g. \`${example}\`.`,
      },
    };
  }
  let ref: CompoundEntityRef | undefined;
  try {
    ref = parseEntityRef(value, {
      defaultKind: expectedKind,
      defaultNamespace,
    });
  } catch {
    ref = undefined;
  }
  if (
    !ref ||
    !KubernetesValidatorFunctions.isValidNamespace(ref.namespace) ||
    !KubernetesValidatorFunctions.isValidObjectName(ref.name)
  ) {
    return {
      problem: {
        message: `${show(
          value,
        )} is not an entity ref of the form [<kind>:][<namespace>/]<name>`,
        fix: `Write it as \`[<kind>:][<namespace>/]<name>\` with a valid entity name, e.g. \`${example}\`.`,
      },
    };
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== expectedKind) {
    return {
      problem: {
        message: `${show(value)} has kind ${show(
          ref.kind,
        )}; it must be ${kindName} ref`,
        fix: `Point it at ${kindName} entity, e.g. \`${example}\` (the kind may be omitted: it defaults to ${expectedKind}).`,
      },
    };
  }
  return { ref };
}

/**
 * Checks an optional list field of Resource refs (`spec.produces`, `spec.consumes`).
 */
export function checkResourceRefList(
  rule: string,
  field: string,
  value: unknown,
  defaultNamespace: string,
  example: string,
): ModelViolation[] {
  if (value === undefined || value === null) {
    return [];
  }
  const path = `spec.${field}`;
  if (!Array.isArray(value)) {
    return [
      {
        rule,
        path,
        message: `must be a list of topic/queue refs, got ${show(value)}`,
        fix: `Write it as a YAML list, e.g. \`${field}: [${example}]\`.`,
      },
    ];
  }
  return value.flatMap((item, index) => {
    const { problem } = parseModelRef(
      item,
      'resource',
      defaultNamespace,
      example,
    );
    return problem ? [{ rule, path: `${path}[${index}]`, ...problem }] : [];
  });
}

/** The valid refs of a list field; invalid items are skipped (validation reports them). */
export function validRefs(
  items: readonly unknown[],
  expectedKind: 'resource' | 'api',
  defaultNamespace: string,
): CompoundEntityRef[] {
  return items.flatMap(item => {
    const { ref } = parseModelRef(item, expectedKind, defaultNamespace, '');
    return ref ? [ref] : [];
  });
}
