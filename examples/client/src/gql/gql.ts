/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AccountSummary on Account {\n    id\n    name\n    type\n    balance {\n      amount\n      currency\n    }\n  }\n": typeof types.AccountSummaryFragmentDoc,
    "\n  query ExampleCustomers($first: Int!, $accounts: Int!) {\n    customers(first: $first) {\n      totalCount\n      providerErrors {\n        provider\n        code\n        message\n      }\n      edges {\n        node {\n          id\n          provider\n          name\n          createdAt\n          accounts(first: $accounts) {\n            edges {\n              node {\n                ...AccountSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExampleCustomersDocument,
};
const documents: Documents = {
    "\n  fragment AccountSummary on Account {\n    id\n    name\n    type\n    balance {\n      amount\n      currency\n    }\n  }\n": types.AccountSummaryFragmentDoc,
    "\n  query ExampleCustomers($first: Int!, $accounts: Int!) {\n    customers(first: $first) {\n      totalCount\n      providerErrors {\n        provider\n        code\n        message\n      }\n      edges {\n        node {\n          id\n          provider\n          name\n          createdAt\n          accounts(first: $accounts) {\n            edges {\n              node {\n                ...AccountSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ExampleCustomersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountSummary on Account {\n    id\n    name\n    type\n    balance {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment AccountSummary on Account {\n    id\n    name\n    type\n    balance {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleCustomers($first: Int!, $accounts: Int!) {\n    customers(first: $first) {\n      totalCount\n      providerErrors {\n        provider\n        code\n        message\n      }\n      edges {\n        node {\n          id\n          provider\n          name\n          createdAt\n          accounts(first: $accounts) {\n            edges {\n              node {\n                ...AccountSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExampleCustomers($first: Int!, $accounts: Int!) {\n    customers(first: $first) {\n      totalCount\n      providerErrors {\n        provider\n        code\n        message\n      }\n      edges {\n        node {\n          id\n          provider\n          name\n          createdAt\n          accounts(first: $accounts) {\n            edges {\n              node {\n                ...AccountSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;