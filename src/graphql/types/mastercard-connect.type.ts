import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars.js';

export const ConnectKindEnum = { FULL: 'FULL', LITE: 'LITE' } as const;
registerEnumType(ConnectKindEnum, {
  name: 'ConnectKind',
  description: 'FULL: the customer searches for their institution in Connect. LITE: your UI chose it (institutionId required)',
});

export const InstitutionVisibilityEnum = { HIDDEN: 'hidden', VISIBLE: 'visible' } as const;
registerEnumType(InstitutionVisibilityEnum, {
  name: 'InstitutionVisibility',
  description: "HIDDEN: leave the institution out of Connect's search list. VISIBLE: show one hidden by default (e.g. a new OAuth connection)",
});

@InputType({ description: 'One institution of `institutionSettings` (Mastercard: overrides the client institution settings for this session)' })
export class ConnectInstitutionSettingInput {
  @Field(() => String, { description: 'Institution.providerId (numeric)' })
  institutionId!: string;

  @Field(() => InstitutionVisibilityEnum)
  visibility!: 'hidden' | 'visible';
}

@InputType({ description: 'A header added to every Connect event of the session; the value is never shown back or logged' })
export class ConnectWebhookHeaderInput {
  @Field(() => String, { description: 'An HTTP header name; not one the sender sets itself (Content-Type, X-Signature …)' })
  name!: string;

  @Field(() => String, { description: 'Visible ASCII, no line breaks, at most 1000 characters' })
  value!: string;
}

@InputType()
export class GenerateConnectUrlInput {
  @Field(() => ID, { description: 'Global ID of the customer who will connect accounts' })
  customerId!: string;

  @Field(() => ConnectKindEnum, { nullable: true, description: 'FULL when omitted' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'LITE only, required there: Institution.providerId' })
  institutionId?: string | null;

  @Field(() => String, { nullable: true, description: "Where the customer's browser lands after the institution sign-in (the browser opens it, the provider never calls it: any http(s) URL)" })
  redirectUri?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Receives Connect events for this session (JSON). On a host the operator allows (REPORT_CALLBACK_HOSTS) or the gateway itself; it must answer the provider's ping with a 2xx or the link is refused. Omitted: the gateway's own receiver when it knows its public URL, so `connectSession` can tell the progress",
  })
  webhook?: string | null;

  @Field(() => String, { nullable: true, description: 'A Connect experience id configured with the provider' })
  experience?: string | null;

  @Field(() => [ConnectInstitutionSettingInput], { nullable: true, description: 'FULL only: hide or show institutions in the search list for this session' })
  institutionSettings?: ConnectInstitutionSettingInput[] | null;

  @Field(() => JSONScalar, { nullable: true, description: 'A JSON object (≤ 2 KiB) echoed as `webhookData` in the body of every Connect event; needs a webhook' })
  webhookData?: unknown;

  @Field(() => [ConnectWebhookHeaderInput], { nullable: true, description: 'At most 10 headers added to every Connect event; needs a webhook' })
  webhookHeaders?: ConnectWebhookHeaderInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the link stops working once a session completes. Omitted: the experience decides' })
  singleUseUrl?: boolean | null;
}

@ObjectType({ description: 'A link that opens Connect for one customer' })
export class ConnectUrl {
  @Field(() => String)
  url!: string;

  @Field(() => ConnectKindEnum)
  kind!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The link stops working then (Mastercard: 2 hours after generation)' })
  expiresAt!: Date | null;
}

@ObjectType({ description: 'A link to the Connect Dashboard, where the customer reviews their consents and revokes them' })
export class ConnectDashboardUrl {
  @Field(() => String)
  url!: string;
}

@ObjectType({ description: "What the gateway last heard about a customer's Connect session (from the Connect webhooks it received)" })
export class ConnectSession {
  @Field(() => String, {
    description: "The provider's last event, as sent: generated (no event yet), started, institutionSupported, institutionNotFound, adding, processing, added, done, unableToConnect",
  })
  lastEvent!: string;

  @Field(() => String, { nullable: true })
  lastEventId!: string | null;

  @Field(() => String, { nullable: true, description: 'Institution.providerId the session is about' })
  institutionId!: string | null;

  @Field(() => [String], { description: 'Account.providerId values the `added` event reported' })
  accountIds!: string[];

  @Field(() => String, { nullable: true, description: "unableToConnect's code (seed 002: 102, 500, 900 …)" })
  errorCode!: string | null;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
