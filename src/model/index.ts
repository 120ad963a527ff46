export * from './names.js';
export * from './secret-value.js';
export * from './connections.js';
export * from './sources.js';
export * from './objects.js';
export * from './references.js';
export * from './defaults.js';
export * from './state.js';
