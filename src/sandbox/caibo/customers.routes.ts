import type { FastifyInstance } from 'fastify';
import type { CaiboStore } from './caibo-store.js';
import { toClientJson } from './caibo-json.js';
import { validateClient } from './client-validation.js';
import { readJsonBody } from './json-body.js';
import { sendNotFound, sendProblem, validationProblem } from './problem-details.js';
import { parseInt64 } from './route-params.js';

/**
 * Customers (the `Client` schema). Documented: `POST /customers` (seed 003) and `PUT /customers/{id}`
 * (caibo-notes.md). `GET /customers/{id}` was not found in the docs, but seed 003 names "Customer Not
 * Found: HTTP 404 when customer ID doesn't exist" with the `CUSTOMER_NOT_FOUND` body, so it is served.
 * There is no documented list, search or delete: those paths answer 404 like any unknown path.
 *
 * Seed 003's update example calls `/api/customers/12345`, the OpenAPI block `/customers`; the simulator
 * follows the OpenAPI block (the example also uses fields the schema does not have).
 */
export function registerCustomerRoutes(app: FastifyInstance, store: CaiboStore, now: () => number): void {
  const notFound = (reply: Parameters<typeof sendNotFound>[0], id: string) =>
    sendNotFound(reply, 'CUSTOMER_NOT_FOUND', `Customer with ID ${id} not found`, { customerId: id }, new Date(now()));

  app.post('/customers', async (request, reply) => {
    const body = readJsonBody(request);
    if (!body.ok) return sendProblem(reply, body.problem);
    const client = validateClient(body.value, 'create');
    if (!client.ok) return sendProblem(reply, validationProblem(client.errors));
    const { name, email } = client.value;
    if (name === undefined || email === undefined) throw new Error('validated client without name/email');
    const customer = store.createCustomer({ ...client.value, name, email });
    // The OpenAPI block documents only `200 OK` for a create, not 201.
    return reply.code(200).send(toClientJson(customer, store));
  });

  app.get<{ Params: { id: string } }>('/customers/:id', async (request, reply) => {
    const id = parseInt64(request.params.id, 'id');
    if (!id.ok) return sendProblem(reply, validationProblem(id.errors));
    const customer = store.customer(id.id);
    if (customer === undefined) return notFound(reply, request.params.id);
    return reply.code(200).send(toClientJson(customer, store));
  });

  app.put<{ Params: { id: string } }>('/customers/:id', async (request, reply) => {
    const id = parseInt64(request.params.id, 'id');
    if (!id.ok) return sendProblem(reply, validationProblem(id.errors));
    const body = readJsonBody(request);
    if (!body.ok) return sendProblem(reply, body.problem);
    // Contradiction: the update narrative shows `address` as an object {street, city, …}; the schema says
    // string (maxLength 255). The schema wins, so an object is a 400 type error like any mismatch.
    const client = validateClient(body.value, 'update');
    if (!client.ok) return sendProblem(reply, validationProblem(client.errors));
    const customer = store.customer(id.id);
    if (customer === undefined) return notFound(reply, request.params.id);
    return reply.code(200).send(toClientJson(store.updateCustomer(customer, client.value), store));
  });
}
