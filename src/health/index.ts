export * from './evaluate.js';
export * from './render-status.js';
