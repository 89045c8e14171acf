export { createCaiboAdapter, type CaiboAdapterOptions } from './adapter.js';
export { CLIENT_MAX_LENGTHS } from './customer-input.js';
