import type { ValidateFunction } from 'ajv';

/** The manifest schema's validator, compiled at build time (scripts/write-manifest-validator.mjs). */
export declare const validate: ValidateFunction;
