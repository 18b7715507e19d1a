import {
  Entity,
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
} from '@backstage/catalog-model';

/**
 * Where the producer's catalog entry is written, as a person would look for
 * it: the file of its `backstage.io/managed-by-location`, else its source
 * location. Undefined when the catalog knows neither.
 */
export function catalogFileOf(entity: Entity | undefined): string | undefined {
  const annotations = entity?.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_SOURCE_LOCATION];
  if (!location) {
    return undefined;
  }
  // `url:https://…/catalog-info.yaml` or `file:/…/catalog-info.yaml`
  return location.replace(/^(url|file):/, '');
}

/**
 * What the producer's owner must change by hand when no pull request can be
 * opened: the exact lines for `spec.produces` of its own Component, because
 * the model keeps that fact in the service's repository (GitOps).
 */
export function producesInstructions(options: {
  producer: string;
  topic: string;
  file?: string;
}): string {
  const where =
    options.file ?? `the catalog-info.yaml that declares ${options.producer}`;
  return [
    `Add the topic to spec.produces of ${options.producer} in ${where}`,
    '(add the item to the list if spec.produces already exists):',
    '',
    'spec:',
    '  produces:',
    `    - ${options.topic}`,
  ].join('\n');
}
