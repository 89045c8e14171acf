import { Field, Int, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { connectionTypes } from './connection.js';

@ObjectType({
  description:
    "A consent notification subscription at a provider (Mastercard AU). Its signing key is kept by the gateway, sealed with GATEWAY_SECRETS_KEY, and never returned",
})
export class ConsentNotificationSubscription {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's subscription id" })
  id!: string;

  @Field(() => String, { description: 'Where the provider posts the notifications' })
  url!: string;

  @Field(() => String, { description: 'CONSENT, the only documented type' })
  notificationType!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => Boolean, { description: "Whether this gateway holds the subscription's signing key, so it accepts its notifications" })
  signingKeyStored!: boolean;
}

@ObjectType({ description: 'Objects one store deleted' })
export class DeletedObjects {
  @Field(() => String, { description: 'The store: consent-book, report-status:<provider>, transaction-store …' })
  store!: string;

  @Field(() => Int)
  deleted!: number;
}

@ObjectType({ description: 'What triggered a deletion' })
export class DeletionCause {
  @Field(() => String, { description: 'provider-event or caller' })
  type!: string;

  @Field(() => String, { nullable: true, description: "The provider event's eventId (provider-event)" })
  eventId!: string | null;

  @Field(() => String, { nullable: true, description: 'INSTITUTIONS_REVOKED or INSTITUTIONS_EXPIRED (provider-event)' })
  eventType!: string | null;

  @Field(() => String, { nullable: true, description: 'The id of the gateway caller that revoked the consent (caller)' })
  callerId!: string | null;
}

@ObjectType({
  description:
    "A record that the gateway deleted a customer's data after an arrangement ended (CDR Rule 1.18): what, whose, when and why, never the data itself. Kept for six years (README, Consent lifecycle)",
})
export class DeletionRecord {
  @Field(() => String)
  id!: string;

  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The customer's global id (Customer.id)" })
  customerId!: string;

  @Field(() => String, { description: "The provider's customer id" })
  customerProviderId!: string;

  @Field(() => String)
  consentReceiptId!: string;

  @Field(() => [String], { description: 'Institutions whose arrangements ended' })
  institutionIds!: string[];

  @Field(() => String, { description: 'revoked or expired' })
  kind!: string;

  @Field(() => DeletionCause)
  cause!: DeletionCause;

  @Field(() => [DeletedObjects])
  stores!: DeletedObjects[];

  @Field(() => Boolean, { description: 'False when a store failed to purge; the stores listed are those that did' })
  complete!: boolean;

  @Field(() => DateTimeScalar)
  deletedAt!: Date;
}

export const { Connection: DeletionRecordConnection } = connectionTypes('DeletionRecord', DeletionRecord);
