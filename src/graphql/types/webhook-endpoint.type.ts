import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars.js';

/** The gateway's own event types (src/events/gateway-events.ts), as GraphQL enum values. */
export const GatewayEventTypeEnum = {
  CONSENT_REVOKED: 'consent.revoked',
  CONSENT_EXPIRED: 'consent.expired',
  REPORT_READY: 'report.ready',
  TRANSACTIONS_SYNC_UPDATES_AVAILABLE: 'transactions.sync_updates_available',
} as const;
registerEnumType(GatewayEventTypeEnum, {
  name: 'GatewayEventType',
  description: 'Events the gateway sends to registered webhook endpoints; the `type` in the body is the dotted name (consent.revoked …)',
});

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'http(s) URL on a host the operator allows (REPORT_CALLBACK_HOSTS) or the gateway itself' })
  url!: string;

  @Field(() => [GatewayEventTypeEnum], { description: 'The event types sent to it (at least one)' })
  eventTypes!: string[];

  @Field(() => String, { nullable: true, description: 'A note for operators (at most 200 characters)' })
  description?: string | null;
}

@ObjectType({ description: "An operator's webhook endpoint: receives the gateway's events, signed the Standard Webhooks way" })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [GatewayEventTypeEnum])
  eventTypes!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ description: 'A new webhook endpoint and its signing secret, shown this once' })
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: '`whsec_…`: verify `webhook-signature` with it (Standard Webhooks). No read returns it again' })
  secret!: string;
}
