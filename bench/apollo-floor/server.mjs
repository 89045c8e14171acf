// The floor of an Apollo Server gateway for the peer rig's Q1 (issue 17, docs/performance.md): Apollo
// Server 5 on fastify (the same integration as the gateway), an SDL schema with the one field Q1
// reads, and per request exactly what any gateway must do for Q1 — one undici request to the rig's
// mock for 20 customers, JSON.parse, 20 ids and names out. No authentication, limits, loaders,
// validation, logging or error handling. Not part of the gateway: `bash bench/apollo-floor.sh`
// runs it as the rig's `ours` to measure, in one run with Hive Gateway + Mesh, how fast a gateway on
// this stack can possibly answer Q1.
import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import { buildSchema } from 'graphql';
import { Pool } from 'undici';

const env = process.env;
const upstream = new Pool(env.MASTERCARD_US_BASE_URL, { connections: 64 });
const auth = await upstream.request({
  method: 'POST',
  path: '/aggregation/v2/partners/authentication',
  headers: { 'content-type': 'application/json', 'finicity-app-key': env.MASTERCARD_US_APP_KEY },
  body: JSON.stringify({ partnerId: env.MASTERCARD_US_PARTNER_ID, partnerSecret: env.MASTERCARD_US_PARTNER_SECRET }),
});
const { token } = await auth.body.json();
const headers = { accept: 'application/json', 'finicity-app-key': env.MASTERCARD_US_APP_KEY, 'finicity-app-token': token };

const schema = buildSchema(`
  type Customer { id: ID! name: String }
  type CustomerEdge { node: Customer! }
  type CustomerConnection { edges: [CustomerEdge!]! }
  enum Provider { MASTERCARD_US }
  type Query { customers(provider: Provider, first: Int): CustomerConnection }
`);
const rootValue = {
  async customers({ first }) {
    const response = await upstream.request({ method: 'GET', path: `/aggregation/v1/customers?start=1&limit=${first}`, headers });
    const body = await response.body.json();
    return {
      edges: body.customers.map((customer) => ({
        node: { id: Buffer.from(`MASTERCARD_US:Customer:${customer.id}`).toString('base64url'), name: `${customer.firstName} ${customer.lastName}` },
      })),
    };
  },
};
const app = Fastify();
const apollo = new ApolloServer({ schema, rootValue });
await apollo.start();
await app.register(fastifyApollo(apollo));
await app.listen({ port: Number(env.PORT ?? 4003), host: env.HOST ?? '127.0.0.1' });
