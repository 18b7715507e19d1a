import { Entity, makeValidator } from '@backstage/catalog-model';
import { shown } from './display';
import { EntityRule } from './types';

const validators = makeValidator();

export const tagFormatRule: EntityRule = {
  id: 'tag-format',
  severity: 'error',
  description:
    'metadata.tags must each be at most 63 characters of [a-z0-9:+#] separated by [-].',
  check(entity: Entity) {
    const tags: unknown[] = Array.isArray(entity.metadata.tags)
      ? entity.metadata.tags
      : [];
    return tags.flatMap((tag, i) =>
      // Tags that are not strings are the schema rule's.
      typeof tag !== 'string' || validators.isValidTag(tag)
        ? []
        : [
            {
              path: ['metadata', 'tags', i],
              message: `Invalid tag ${shown(tag)}`,
              hint: 'Tags are lower case: 1-63 characters of [a-z0-9:+#] separated by "-", e.g. "java" or "c++".',
            },
          ],
    );
  },
};
