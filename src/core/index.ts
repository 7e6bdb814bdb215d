/**
 * `altinn-request-elements/core`: everything that is not DOM. Schemas, the status mapping, the backend
 * client, the navigation guard and the return parameters, for the browser and for Node alike.
 */
export * from './status.js';
export * from './lang.js';
export * from './ids.js';
export * from './organization-number.js';
export * from './errors.js';
export * from './redirect-guard.js';
export * from './config.js';
export * from './schemas.js';
export * from './request-view.js';
export * from './client.js';
export * from './return-params.js';
export * from './pending-request.js';
export * from './consent-request.js';
export * from './access-request.js';
