import type { TestProject } from 'vitest/node';
import { removeCluster, startCluster, type PostgresCluster } from '../fixtures/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresCluster: PostgresCluster;
  }
}

/** One cluster for the whole team suite; each test file creates its own database in it. */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide('postgresCluster', cluster);
  return () => removeCluster(cluster);
}
