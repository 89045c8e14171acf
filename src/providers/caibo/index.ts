export { createCaiboAdapter, type CaiboAdapterOptions } from './adapter.js';
export { CLIENT_MAX_LENGTHS, CAIBO_EXTRA_FIELDS } from './customer-input.js';
