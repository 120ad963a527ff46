/** See manifest-validator-code.mjs. */
export function manifestValidatorCode(schema: object): string;
