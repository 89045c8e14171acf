/**
 * Caibo documents two auth modes (caibo-notes.md, Auth): an API key sent as `X-API-Key`, or a
 * control-panel login (email and password → bearer token until its `expireDate`).
 */
export type CaiboCredentials = { kind: 'apiKey'; apiKey: string } | { kind: 'login'; email: string; password: string };
