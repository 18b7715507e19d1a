import { docComment, propertyKey } from '../naming';
import { Parameter } from '../spec/types';
import { schemaToType, TypeContext } from './schemaToType';

/** `{ entityRef?: string }` for a list of path or query parameters. */
export function parametersType(
  parameters: Parameter[],
  context: TypeContext,
  where: string,
): string {
  const members = parameters.map(
    p =>
      `${docComment(p.description)}${propertyKey(p.name)}${
        p.in === 'path' || p.required ? '' : '?'
      }: ${schemaToType(
        p.schema ?? {},
        context,
        `${where} parameter ${p.name}`,
      )};`,
  );
  return `{\n${members.join('\n')}\n}`;
}
