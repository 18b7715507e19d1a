import fs from 'node:fs';
import path from 'node:path';

/** A backend plugin with an OpenAPI spec, and where its generated code goes. */
export type Target = {
  /** The backend's plugin id, the name the client asks discovery for. */
  pluginId: string;
  /** All paths relative to the repository root, with forward slashes. */
  specFile: string;
  /** `<backend>/src/schema/openapi/generated`: the typed router. */
  serverDir: string;
  /** `<plugin>-common/src/generated`: the client; absent without a -common package. */
  clientDir?: string;
};

const SPEC = 'src/schema/openapi.yaml';

function pluginIdOf(packageJsonFile: string, fallback: string): string {
  try {
    const json = JSON.parse(fs.readFileSync(packageJsonFile, 'utf8'));
    return json?.backstage?.pluginId ?? fallback;
  } catch {
    return fallback;
  }
}

/** Every `plugins/*-backend/src/schema/openapi.yaml` under `root`, in name order. */
export function discoverTargets(root: string): Target[] {
  const plugins = path.join(root, 'plugins');
  if (!fs.existsSync(plugins)) {
    return [];
  }
  return fs
    .readdirSync(plugins, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && entry.name.endsWith('-backend'))
    .map(entry => entry.name)
    .sort()
    .filter(name => fs.existsSync(path.join(plugins, name, SPEC)))
    .map(name => {
      const base = name.slice(0, -'-backend'.length);
      const common = `${base}-common`;
      const hasCommon = fs.existsSync(
        path.join(plugins, common, 'package.json'),
      );
      return {
        pluginId: pluginIdOf(path.join(plugins, name, 'package.json'), base),
        specFile: `plugins/${name}/${SPEC}`,
        serverDir: `plugins/${name}/src/schema/openapi/generated`,
        clientDir: hasCommon ? `plugins/${common}/src/generated` : undefined,
      };
    });
}
