import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * The smallest typed GraphQL client: POST with `X-API-Key`, the result typed by the document.
 * Errors (GraphQL or HTTP) are returned, not thrown, because the gateway answers partial data with
 * errors (a provider that failed) and a page usually shows what it has.
 */
export interface GatewayClientOptions {
  /** e.g. `http://127.0.0.1:4000/graphql` */
  url: string;
  /** The caller key (the sandbox prints one at start-up). */
  apiKey?: string;
  fetch?: typeof fetch;
}

export interface GatewayResult<TData> {
  data: TData | null;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; provider?: string } }>;
  status: number;
}

export function createGatewayClient(options: GatewayClientOptions) {
  const send = options.fetch ?? fetch;
  return async function execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<GatewayResult<TData>> {
    const response = await send(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: TData | null; errors?: GatewayResult<TData>['errors'] };
    return { data: body.data ?? null, errors: body.errors ?? [], status: response.status };
  };
}
