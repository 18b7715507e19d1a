import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';

/** The templates/ folder, for actions that render another template's skeleton; optional. */
export const TEMPLATES_DIR_KEY = 'strata.scaffolder.templatesDir';

/** The absolute templates directory when configured, else undefined. */
export function readTemplatesDir(
  config: RootConfigService,
): string | undefined {
  const configured = config.getOptionalString(TEMPLATES_DIR_KEY);
  return configured ? path.resolve(configured) : undefined;
}
