/** The output contract's version (its own module, so that writing an output does not load zod). */
export const SCHEMA_VERSION = '1' as const;
