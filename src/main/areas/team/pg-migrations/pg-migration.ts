/** One numbered step of the team database's schema; released steps never change. */
export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
