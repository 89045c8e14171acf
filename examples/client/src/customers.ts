import { getFragmentData, graphql, type FragmentType } from './gql/index.js';

/**
 * A component's data needs as a fragment: whoever renders an account asks for exactly these fields,
 * and (fragment masking) nobody else can read them without `getFragmentData`.
 */
export const AccountSummaryFragment = graphql(`
  fragment AccountSummary on Account {
    id
    name
    type
    balance {
      amount
      currency
    }
  }
`);

/** The page's query: customers with their first accounts, each account through the fragment above. */
export const ExampleCustomersQuery = graphql(`
  query ExampleCustomers($first: Int!, $accounts: Int!) {
    customers(first: $first) {
      totalCount
      providerErrors {
        provider
        code
        message
      }
      edges {
        node {
          id
          provider
          name
          createdAt
          accounts(first: $accounts) {
            edges {
              node {
                ...AccountSummary
              }
            }
          }
        }
      }
    }
  }
`);

/** `"Everyday Account (TRANSACTION_AND_SAVINGS): 1234.50 AUD"`; amounts stay exact decimal strings. */
export function describeAccount(account: FragmentType<typeof AccountSummaryFragment>): string {
  const summary = getFragmentData(AccountSummaryFragment, account);
  return `${summary.name} (${summary.type}): ${summary.balance?.amount ?? '?'} ${summary.balance?.currency ?? ''}`.trim();
}
