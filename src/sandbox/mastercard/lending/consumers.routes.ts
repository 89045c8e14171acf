import type { FastifyInstance, FastifyReply } from 'fastify';
import { validateConsumer } from './consumer-validation.js';
import { findCustomer, type ConsumerRecord, type LendingState } from './lending-state.js';

/**
 * Consumers (seed 001 "Consumers", seed 002 "Consumers", US spec CreateConsumer / GetConsumer…):
 * one per customer, never deleted (so no DELETE route), `ssn` write-only except its last 4 digits.
 */
export function registerConsumerRoutes(app: FastifyInstance, state: LendingState): void {
  const { ctx } = state;

  app.post<{ Params: { customerId: string } }>('/decisioning/v1/customers/:customerId/consumer', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const customer = findCustomer(state, request.params.customerId);
    if (!customer) return ctx.sendError(reply, 404, '14001', 'Customer not found.');
    if (state.consumerIdByCustomer.has(customer.id)) {
      // "If a consumer already exists for the customer, an HTTP 409 (Conflict) response is generated."
      return ctx.sendError(reply, 409, '11000', `A consumer already exists for customer ${customer.id}`);
    }
    const result = validateConsumer(request.body, ctx.region, 'create');
    if (!result.ok) return ctx.sendError(reply, 400, result.code, result.message);
    if (state.options.reseller && result.fields.endUser === undefined) {
      // Seed 001, "Reseller Partners": "The create consumer call will fail with error code 1201 when
      // end user information has not been sent". The docs give no status or text: 400 like the
      // other request errors, and the seed's own words.
      return ctx.sendError(reply, 400, '1201', 'End user information must be provided by partners that are resellers.');
    }
    const consumer: ConsumerRecord = {
      ...result.fields,
      id: state.ids.consumerId(),
      customerId: customer.id,
      createdDate: Math.floor(ctx.now() / 1000),
    };
    state.consumers.set(consumer.id, consumer);
    state.consumerIdByCustomer.set(customer.id, consumer.id);
    return reply.code(201).send({ id: consumer.id, createdDate: consumer.createdDate, customerId: numeric(customer.id) });
  });

  app.get<{ Params: { customerId: string } }>('/decisioning/v1/customers/:customerId/consumer', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const customer = findCustomer(state, request.params.customerId);
    if (!customer) return ctx.sendError(reply, 404, '14001', 'Customer not found.');
    const consumerId = state.consumerIdByCustomer.get(customer.id);
    const consumer = consumerId ? state.consumers.get(consumerId) : undefined;
    if (!consumer) return ctx.sendError(reply, 404, '10100', `Cannot find consumer for customer with id ${customer.id}.`);
    return reply.send(renderConsumer(consumer));
  });

  app.get<{ Params: { consumerId: string } }>('/decisioning/v1/consumers/:consumerId', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const consumer = state.consumers.get(request.params.consumerId);
    if (!consumer) return notFound(reply, request.params.consumerId);
    return reply.send(renderConsumer(consumer));
  });

  app.put<{ Params: { consumerId: string } }>('/decisioning/v1/consumers/:consumerId', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const consumer = state.consumers.get(request.params.consumerId);
    if (!consumer) return notFound(reply, request.params.consumerId);
    const result = validateConsumer(request.body, ctx.region, 'update', consumer);
    if (!result.ok) return ctx.sendError(reply, 400, result.code, result.message);
    Object.assign(consumer, result.fields);
    // ModifyConsumer answers 204 with no body.
    return reply.code(204).send();
  });

  function notFound(reply: FastifyReply, consumerId: string): FastifyReply {
    return ctx.sendError(reply, 404, '10100', `Cannot find consumer with id ${consumerId.slice(0, 64)}.`);
  }
}

function numeric(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** GetConsumer: `ssn` is the last 4 digits only; the full number is never stored. */
export function renderConsumer(consumer: ConsumerRecord): Record<string, unknown> {
  const body: Record<string, unknown> = { id: consumer.id, firstName: consumer.firstName, lastName: consumer.lastName };
  if (consumer.middleName) body.middleName = consumer.middleName;
  body.customerId = numeric(consumer.customerId);
  for (const field of ['address', 'city', 'state', 'zip', 'phone'] as const) if (consumer[field]) body[field] = consumer[field];
  if (consumer.ssnLast4) body.ssn = consumer.ssnLast4;
  if (consumer.birthday) body.birthday = consumer.birthday;
  if (consumer.email) body.email = consumer.email;
  body.createdDate = consumer.createdDate;
  if (consumer.suffix) body.suffix = consumer.suffix;
  if (consumer.endUser) body.endUser = consumer.endUser;
  return body;
}
