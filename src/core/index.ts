/**
 * `altinn-request-elements/core`: everything that is not DOM. The request view and its reader, the
 * normalised status words, the backend client, the navigation guard and the return parameters, for
 * the browser and for Node alike. No Altinn vocabulary and no schema library: the backend
 * (`altinn-request-elements/server`) maps Altinn's answers and validates every body.
 */
export * from './request-status.js';
export * from './lang.js';
export * from './ids.js';
export * from './organization-number.js';
export * from './errors.js';
export * from './redirect-guard.js';
export * from './config.js';
export * from './view.js';
export * from './request-reader.js';
export * from './client.js';
export * from './return-params.js';
export * from './pending-request.js';
export * from './request-body.js';
