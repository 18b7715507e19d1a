/*
 * What Strata's catalog processor (ServiceModelProcessor: validateEntityKind + postProcessEntity,
 * the two stages it implements) costs per entity, over every entity of a generated organisation,
 * in this process without the catalog around it. It reads nothing from the catalog or the
 * database: each call works on the entity it is given.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/catalog-scale/processor-cost.ts --dir DIR [--runs 5]
 */
import { ServiceModelProcessor } from '@internal/plugin-catalog-backend-module-service-model';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

async function main() {
  const dir = path.resolve(arg('dir'));
  const runs = Math.max(1, Math.min(20, Number(arg('runs', '5'))));
  const entities: Entity[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) {
        for (const doc of parseAllDocuments(fs.readFileSync(p, 'utf8'))) {
          const entity = doc.toJS() as Entity;
          if (entity?.kind) entities.push(entity);
        }
      }
    }
  };
  walk(dir);
  const processor = new ServiceModelProcessor();
  const location = { type: 'file', target: path.join(dir, 'catalog-info.yaml') };
  let relations = 0;
  const seconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    relations = 0;
    const start = performance.now();
    for (const entity of entities) {
      await processor.validateEntityKind(entity);
      await processor.postProcessEntity(entity, location, () => {
        relations += 1;
      });
    }
    seconds.push((performance.now() - start) / 1000);
  }
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(runs / 2)];
  const result = {
    entities: entities.length,
    relationsEmitted: relations,
    runSeconds: seconds.map(s => +s.toFixed(3)),
    medianSeconds: +median.toFixed(3),
    microsecondsPerEntity: +((median / entities.length) * 1e6).toFixed(1),
    loadavg: os.loadavg().map(l => +l.toFixed(2)),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
