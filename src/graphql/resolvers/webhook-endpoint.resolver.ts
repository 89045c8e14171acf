import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badInput } from '../../domain/errors.js';
import type { GatewayEventType } from '../../events/gateway-events.js';
import type { WebhookEndpoint as EndpointModel } from '../../events/webhook-endpoints.js';
import type { GatewayContext } from '../context.js';
import { CreatedWebhookEndpoint, CreateWebhookEndpointInput, WebhookEndpoint } from '../types/webhook-endpoint.type.js';

const toGraphQL = (endpoint: EndpointModel): WebhookEndpoint => ({
  id: endpoint.id,
  url: endpoint.url,
  eventTypes: endpoint.eventTypes,
  description: endpoint.description,
  createdAt: new Date(endpoint.createdAt),
});

/** Checks the destination like report callbacks: an http(s) URL on an allowed host (SSRF). */
function checkUrl(value: string, context: GatewayContext): string {
  const url = value.trim();
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw badInput('input.url must be an absolute http(s) URL', 'input.url');
  if (new URL(url).username !== '' || new URL(url).password !== '') throw badInput('input.url must not carry credentials; the signature authenticates the gateway', 'input.url');
  if (!context.callbackUrlAllowed(url)) {
    throw badInput('input.url: this gateway sends events only to hosts its operator allows (REPORT_CALLBACK_HOSTS)', 'input.url');
  }
  return url;
}

/** Outbound webhooks (issue 14, item 6): operator-only (src/security/field-rules.ts). */
@Resolver()
export class WebhookEndpointResolver {
  @Mutation(() => CreatedWebhookEndpoint, { description: "Registers an endpoint for the gateway's events; answers its signing secret once" })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() context: GatewayContext,
  ): Promise<CreatedWebhookEndpoint> {
    const url = checkUrl(input.url, context);
    if (input.eventTypes.length === 0) throw badInput('input.eventTypes needs at least one event type', 'input.eventTypes');
    const description = input.description?.trim() || null;
    if (description !== null && description.length > 200) throw badInput('input.description is at most 200 characters', 'input.description');
    const { endpoint, secret } = await context.webhookEndpoints.create({
      url,
      eventTypes: input.eventTypes as GatewayEventType[],
      description,
      createdBy: context.caller.id,
    });
    context.logger.info({ endpointId: endpoint.id, eventTypes: endpoint.eventTypes }, 'webhook endpoint created');
    return { endpoint: toGraphQL(endpoint), secret };
  }

  @Mutation(() => Boolean, { description: 'Deletes an endpoint; false when there was none. Deliveries already under way finish their current attempt' })
  async deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<boolean> {
    return context.webhookEndpoints.delete(id);
  }

  @Query(() => [WebhookEndpoint], { description: 'The registered webhook endpoints (never their secrets)' })
  async webhookEndpoints(@Ctx() context: GatewayContext): Promise<WebhookEndpoint[]> {
    return (await context.webhookEndpoints.list()).map(toGraphQL);
  }

  @Query(() => WebhookEndpoint, { nullable: true, description: 'One webhook endpoint (never its secret)' })
  async webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<WebhookEndpoint | null> {
    const endpoint = await context.webhookEndpoints.get(id);
    return endpoint ? toGraphQL(endpoint) : null;
  }
}
