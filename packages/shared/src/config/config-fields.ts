import type { z } from 'zod';
import { CONFIG_SCHEMA, type ConfigVariable } from './schema.js';

/**
 * The `Config` type and its field names, derived from the schema: a variable added there is a
 * field here, named by `configField` (no exceptions: every field is its variable in camelCase).
 */

/** `API_BASE_URL` → `ApiBaseUrl`: every word capitalised, the rest lower case. */
type PascalWords<S extends string> = S extends `${infer Word}_${infer Rest}`
  ? `${Capitalize<Lowercase<Word>>}${PascalWords<Rest>}`
  : Capitalize<Lowercase<S>>;

/** A variable's name in camelCase: `NBA_API_BASE_URL` → `nbaApiBaseUrl`, `S3_BUCKET_NAME` → `s3BucketName`. */
export type CamelCase<S extends string> = S extends `${infer Word}_${infer Rest}`
  ? `${Lowercase<Word>}${PascalWords<Rest>}`
  : Lowercase<S>;

/** The field of `Config` that `variable` loads into. */
export type ConfigField<V extends ConfigVariable = ConfigVariable> = CamelCase<V>;

/** The one run-time twin of `CamelCase`: the field of `Config` that `variable` loads into. */
export function configField<V extends ConfigVariable>(variable: V): ConfigField<V> {
  const [first = '', ...rest] = variable.toLowerCase().split('_');
  const field = first + rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  // The string is what the template type spells; TypeScript cannot follow it through split/map.
  return field as ConfigField<V>;
}

type Shape = typeof CONFIG_SCHEMA.shape;

/** loadConfig freezes the lists, so their type is read-only too. */
type Loaded<T> = T extends readonly (infer Item)[] ? readonly Item[] : T;

/**
 * The validated configuration: one read-only field per schema variable, typed by what the schema
 * outputs (optional variables are `| undefined`). A field's default, meaning and allowed values are
 * at its variable in schema.ts (`nbaApiBaseUrl` → `NBA_API_BASE_URL`): editors cannot jump there,
 * because TypeScript drops declaration links when a mapped type renames its keys.
 */
export type Config = { readonly [V in keyof Shape as CamelCase<V>]: Loaded<z.output<Shape[V]>> };

/** Every variable with the field it loads into, in schema order. */
export const CONFIG_FIELDS: { readonly [V in ConfigVariable]: ConfigField<V> } = Object.freeze(
  Object.fromEntries(
    (Object.keys(CONFIG_SCHEMA.shape) as ConfigVariable[]).map((variable) => [
      variable,
      configField(variable),
    ]),
  ),
) as { readonly [V in ConfigVariable]: ConfigField<V> };
