import { z } from 'zod';
import { operation } from './define.ts';

/** The call fields a partner's log can be mapped onto (api_calls columns, plus the brand). */
export const callFieldSchema = z.enum([
  'timestamp',
  'method',
  'path',
  'status',
  'latencyMs',
  'requestId',
  'orderId',
  'referenceId',
  'errorId',
  'errorCode',
  'amount',
  'brand',
  'requestBody',
  'responseBody',
]);
export type CallField = z.infer<typeof callFieldSchema>;

export const logFormatSchema = z.enum(['jsonl', 'csv']);
export type LogFormat = z.infer<typeof logFormatSchema>;

/** Field → CSV column name, or a JSONL field path (`http.status`). An unmapped field is left out. */
const columnName = z.string().min(1).max(200).optional();
/** Which column of the file holds each call field; strict, so a key that names no field is refused. */
export const columnMappingSchema = z.strictObject(
  Object.fromEntries(callFieldSchema.options.map((field) => [field, columnName])) as Record<
    z.infer<typeof callFieldSchema>,
    typeof columnName
  >,
);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const filePath = z.string().min(1).max(4096);

export const rowIssueSchema = z.object({ line: z.number().int(), reasons: z.array(z.string()) });
export type RowIssue = z.infer<typeof rowIssueSchema>;

export const previewRowSchema = z.object({
  line: z.number().int(),
  /** What would be stored, already redacted; null when the row is rejected. */
  call: z
    .object({
      at: z.number(),
      method: z.string(),
      path: z.string(),
      status: z.number().int().nullable(),
      latencyMs: z.number().nullable(),
      requestId: z.string(),
      orderId: z.string().nullable(),
      referenceId: z.string().nullable(),
      amount: z.number().nullable(),
      brand: z.string().nullable(),
    })
    .nullable(),
  reasons: z.array(z.string()),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const importRunSchema = z.object({
  file: z.string(),
  format: logFormatSchema,
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  rows: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The first rejected rows (at most 200), with their line numbers and reasons. */
  issues: z.array(rowIssueSchema),
});
export type ImportRun = z.infer<typeof importRunSchema>;

export const followSchema = z.object({
  path: z.string(),
  format: logFormatSchema,
  offset: z.number().int(),
  line: z.number().int(),
});

export const logImportOperations = {
  chooseFile: operation({
    summary:
      "Ask the operator for a log file with the desktop's open-file dialog (path null: cancelled). The browser " +
      'harness has no dialog and answers UNAVAILABLE: the path is typed there',
    input: z.void(),
    output: z.object({ path: filePath.nullable() }),
  }),
  preview: operation({
    summary:
      "The first rows of a partner log file as they would be imported, with the profile's saved (or a guessed) mapping",
    input: z.strictObject({
      path: filePath,
      format: logFormatSchema.optional(),
      mapping: columnMappingSchema.optional(),
    }),
    output: z.object({
      format: logFormatSchema,
      columns: z.array(z.string()),
      mapping: columnMappingSchema,
      rows: z.array(previewRowSchema),
    }),
  }),
  mapping: operation({
    summary: 'The column mapping saved for this profile and format (null: none saved)',
    input: z.strictObject({ format: logFormatSchema }),
    output: z.object({ mapping: columnMappingSchema.nullable() }),
  }),
  saveMapping: operation({
    summary: 'Save the column mapping of this profile for a format',
    input: z.strictObject({ format: logFormatSchema, mapping: columnMappingSchema }),
    output: z.object({ mapping: columnMappingSchema }),
  }),
  start: operation({
    summary: 'Import a partner log file as calls with source "import" (a job: progress via jobs.progress, cancellable)',
    input: z.strictObject({
      path: filePath,
      format: logFormatSchema.optional(),
      mapping: columnMappingSchema.optional(),
    }),
    output: z.object({ job: z.string() }),
  }),
  cancel: operation({
    summary: 'Cancel the running import (rows already stored stay; importing the file again adds only the rest)',
    input: z.void(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  lastRun: operation({
    summary: 'The latest import of this profile: counts and the rejected rows with their reasons',
    input: z.void(),
    output: z.object({ run: importRunSchema.nullable() }),
  }),
  follow: operation({
    summary: 'Follow a growing log file (like tail -F, surviving rotation) and import new lines as they come',
    input: z.strictObject({ path: filePath, format: logFormatSchema.optional() }),
    output: z.object({ follows: z.array(followSchema) }),
  }),
  unfollow: operation({
    summary: 'Stop following a log file',
    input: z.strictObject({ path: filePath }),
    output: z.object({ follows: z.array(followSchema) }),
  }),
  follows: operation({
    summary: 'The log files this profile follows',
    input: z.void(),
    output: z.object({ follows: z.array(followSchema) }),
  }),
};
