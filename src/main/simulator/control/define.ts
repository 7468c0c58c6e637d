import type { z } from 'zod';

export type ControlMethod = 'GET' | 'POST' | 'DELETE';

/**
 * One /__sim/ control: its method and path, what it accepts and what it answers. The route table and the typed
 * client are both built from these, so the two can never disagree.
 */
export interface ControlOperationSpec {
  readonly method: ControlMethod;
  /** `:name` marks a path parameter; every one of them is a key of `params`. */
  readonly path: string;
  readonly summary: string;
  /** Path parameters. A path whose parameters fail it names nothing here: 404, as for an unknown path. */
  readonly params?: z.ZodObject;
  /** Query parameters, read as strings (coerce where a number is meant). */
  readonly query?: z.ZodObject;
  /** The JSON body; an empty body reads as `{}`. Without it the operation takes no body. */
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** For answers that are not JSON (brand art, T&C pages); the response schema then describes the text. */
  readonly contentType?: string;
}

export const controlOperation = <const S extends ControlOperationSpec>(spec: S): S => spec;

type SchemaOf<S, K extends string> = S extends { readonly [P in K]: infer T extends z.ZodType } ? T : undefined;
type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
type Sent<T> = T extends z.ZodType ? z.input<T> : undefined;

/** What a route handler receives: path parameters, query and body, each already parsed by its schema. */
export interface ParsedControlInput<S extends ControlOperationSpec> {
  params: Parsed<SchemaOf<S, 'params'>>;
  query: Parsed<SchemaOf<S, 'query'>>;
  body: Parsed<SchemaOf<S, 'body'>>;
}

type Part<K extends string, T> = T extends undefined ? { [P in K]?: undefined } : { [P in K]: T };

/** What a client sends: only the parts the operation has are allowed, and those are required. */
export type ControlInput<S extends ControlOperationSpec> = Part<'params', Sent<SchemaOf<S, 'params'>>> &
  Part<'query', Sent<SchemaOf<S, 'query'>>> &
  Part<'body', Sent<SchemaOf<S, 'body'>>>;

export type ControlResponse<S extends ControlOperationSpec> = z.output<S['response']>;
