import { Entity, makeValidator } from '@backstage/catalog-model';
import { entriesOf, shown } from './display';
import { EntityRule } from './types';

const validators = makeValidator();

export const annotationFormatRule: EntityRule = {
  id: 'annotation-format',
  severity: 'error',
  description:
    'metadata.annotations keys must be [prefix/]name, with a DNS prefix and a name of at most 63 characters.',
  check(entity: Entity) {
    // Values must be strings; the schema rule reports those that are not.
    return entriesOf(entity.metadata.annotations)
      .filter(([key]) => !validators.isValidAnnotationKey(key))
      .map(([key]) => ({
        path: ['metadata', 'annotations', key],
        part: 'key' as const,
        message: `Invalid annotation key ${shown(key)}`,
        hint: 'Annotation keys are an optional DNS prefix and "/" followed by a name of at most 63 characters of [a-zA-Z0-9] separated by [-_.], e.g. "backstage.io/techdocs-ref".',
      }));
  },
};
