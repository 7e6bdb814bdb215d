export * from './altinn-request-created.js';
export * from './altinn-request-error.js';
export * from './altinn-status-change.js';
