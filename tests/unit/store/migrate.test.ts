import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/main/store/migrate.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const tempDir = useTempDir('migrate-');
const tempFile = () => path.join(tempDir(), 'nested', 'test.db');

const createThings: Migration = {
  version: 1,
  name: 'create things',
  up: (db) => db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)'),
};
const addColour: Migration = {
  version: 2,
  name: 'add colour',
  up: (db) => db.exec("ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'red'"),
};

describe('migrations', () => {
  it('creates the file in WAL mode and records the schema version', () => {
    const file = tempFile();
    const db = openDatabase(file, [createThings]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('applies only the new steps when reopened by a newer console, keeping the data', () => {
    const file = tempFile();
    const first = openDatabase(file, [createThings]);
    first.prepare('INSERT INTO things (name) VALUES (?)').run('kept');
    first.close();
    const second = openDatabase(file, [createThings, addColour]);
    expect(second.prepare('SELECT name, colour FROM things').all()).toEqual([{ name: 'kept', colour: 'red' }]);
    expect(second.pragma('user_version', { simple: true })).toBe(2);
    second.close();
  });

  it('rolls a failing step back and stays at the last good version', () => {
    const file = tempFile();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, [createThings, broken])).toThrow('boom');
    const db = openDatabase(file, [createThings]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer console instead of guessing', () => {
    const file = tempFile();
    openDatabase(file, [createThings, addColour]).close();
    expect(() => openDatabase(file, [createThings])).toThrow(/newer than this console knows/);
  });

  it('refuses a migration list with a gap', () => {
    expect(() => openDatabase(tempFile(), [createThings, { ...addColour, version: 3 }])).toThrow(/must be version 2/);
  });
});
