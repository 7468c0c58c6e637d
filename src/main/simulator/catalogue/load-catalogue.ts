import raw from '../../../../resources/simulator/catalogue.json' with { type: 'json' };
import { catalogueSchema, type Catalogue } from './catalogue-schema.ts';

let parsed: Catalogue | undefined;

/**
 * The committed seed catalogue, checked against its schema once per process. Imported (not read from disk) so
 * that the Electron bundle carries it without a path to resolve.
 */
export function loadCatalogue(): Catalogue {
  parsed ??= catalogueSchema.parse(raw);
  return parsed;
}
