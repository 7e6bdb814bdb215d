/**
 * `altinn-request-elements/core`: everything that is not DOM. The request view and its reader, the
 * backend client, the navigation guard and the return parameters, for the browser and for Node alike.
 * (Schemas and Altinn's status vocabularies are here for the backend until it owns them; the
 * elements import none of them.)
 */
export * from './status.js';
export * from './lang.js';
export * from './ids.js';
export * from './organization-number.js';
export * from './errors.js';
export * from './redirect-guard.js';
export * from './config.js';
export * from './schemas.js';
export * from './view.js';
export * from './request-view.js';
export * from './client.js';
export * from './return-params.js';
export * from './pending-request.js';
export * from './consent-request.js';
export * from './request-body.js';
export * from './access-request.js';
