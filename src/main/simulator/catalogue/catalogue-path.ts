import path from 'node:path';

/** The committed seed catalogue, for the generator and its test (the running simulator imports the JSON). */
export const CATALOGUE_PATH = path.resolve(import.meta.dirname, '../../../../resources/simulator/catalogue.json');
