/**
 * The subset of JSON Schema (draft-07) the manifest schema is written in, so
 * that building it is type-checked. `x-expected` and `x-refused` are annotations
 * of ours: the wording of a type error for values that may take several shapes,
 * and Materialize's reason for a field it refuses where it is written.
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: readonly string[];
  items?: JsonSchema;
  minItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  examples?: readonly unknown[];
  default?: unknown;
  'x-expected'?: string;
  /** Fields Materialize refuses in this place, each with its reason: said instead of "unknown field". */
  'x-refused'?: Record<string, string>;
}

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export const ref = (name: string, description: string): JsonSchema => ({ $ref: `#/definitions/${name}`, description });

export const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });

export const port = (description: string): JsonSchema => ({ type: 'integer', minimum: 1, maximum: 65535, description });

/** A closed mapping: unknown keys are errors, so typos never pass silently. */
export function closed(description: string, properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    description,
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
