// `node src/main/simulator/catalogue/generate-catalogue.ts`: rewrites resources/simulator/catalogue.json from
// brand-source.ts. The output is committed; a unit test checks that it still matches the generator.
import fs from 'node:fs';
import path from 'node:path';
import { buildCatalogue } from './build-catalogue.ts';
import { CATALOGUE_PATH } from './catalogue-path.ts';

const catalogue = buildCatalogue();
fs.mkdirSync(path.dirname(CATALOGUE_PATH), { recursive: true });
fs.writeFileSync(CATALOGUE_PATH, `${JSON.stringify(catalogue, null, 2)}\n`);
console.log(`wrote ${catalogue.brands.length} brands to ${path.relative(process.cwd(), CATALOGUE_PATH)}`);
