import fs from 'node:fs';
import path from 'node:path';
import { clientClassName, clientSource } from './emit/client';
import { generatedFile } from './emit/format';
import { collectModels, modelsIndexSource, modelSource } from './emit/models';
import { serverApiSource, serverRouterSource } from './emit/server';
import { Target } from './discover';
import { loadSpec } from './spec/loadSpec';
import { collectOperations } from './spec/operations';

/** A file the generator owns: its path relative to the root and its text. */
export type GeneratedFile = { path: string; content: string };

/** What one spec generates: its files, and the folders it owns entirely. */
export type Generated = {
  target: Target;
  files: GeneratedFile[];
  ownedDirs: string[];
};

/** The files one spec generates, computed in memory from the spec's text. */
export function generateTarget(root: string, target: Target): Generated {
  const { specFile } = target;
  const spec = loadSpec(
    specFile,
    fs.readFileSync(path.join(root, specFile), 'utf8'),
  );
  const models = collectModels(spec, specFile);
  const operations = collectOperations(spec, specFile);
  const files: GeneratedFile[] = [];
  const add = (file: string, source: string) =>
    files.push({ path: file, content: generatedFile(source, specFile) });

  const addModels = (dir: string) => {
    for (const model of models.models) {
      add(`${dir}/models/${model.name}.model.ts`, modelSource(model, models));
    }
    add(`${dir}/models/index.ts`, modelsIndexSource(models));
  };

  const server = target.serverDir;
  addModels(server);
  add(
    `${server}/apis/Api.server.ts`,
    serverApiSource(operations, models, specFile),
  );
  add(`${server}/apis/index.ts`, `export * from './Api.server';\n`);
  add(`${server}/router.ts`, serverRouterSource(spec));
  add(
    `${server}/index.ts`,
    `export * from './apis';\nexport * from './models';\nexport * from './router';\n`,
  );

  const ownedDirs = [server];
  if (target.clientDir) {
    const client = target.clientDir;
    const fileName = `${clientClassName(target.pluginId).replace(
      /Client$/,
      '',
    )}.client`;
    addModels(client);
    add(
      `${client}/apis/${fileName}.ts`,
      clientSource({ pluginId: target.pluginId, operations, models }),
    );
    add(`${client}/apis/index.ts`, `export * from './${fileName}';\n`);
    add(
      `${client}/index.ts`,
      `export * from './apis';\nexport * from './models';\n`,
    );
    ownedDirs.push(client);
  }
  return { target, files, ownedDirs };
}
