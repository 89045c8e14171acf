import { createGatewayClient } from './client.js';
import { describeAccount, ExampleCustomersQuery } from './customers.js';

/**
 * `GATEWAY_URL=http://127.0.0.1:4000/graphql API_KEY=… npx tsx examples/client/src/main.ts`:
 * prints the first customers and their accounts.
 */
const execute = createGatewayClient({
  url: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
  ...(process.env.API_KEY ? { apiKey: process.env.API_KEY } : {}),
});
const result = await execute(ExampleCustomersQuery, { first: 5, accounts: 3 });
for (const error of result.errors) process.stderr.write(`error: ${error.message} (${error.extensions?.code ?? 'no code'})\n`);
for (const edge of result.data?.customers?.edges ?? []) {
  process.stdout.write(`${edge.node.provider} ${edge.node.name ?? '(no name)'}\n`);
  for (const account of edge.node.accounts?.edges ?? []) process.stdout.write(`  ${describeAccount(account.node)}\n`);
}
