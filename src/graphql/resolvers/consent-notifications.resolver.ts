import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ConsentNotificationSubscription as SubscriptionModel } from '../../domain/consent-notifications.port.js';
import type { DeletionRecord as DeletionRecordModel } from '../../domain/deletion-records.js';
import { GatewayError } from '../../domain/errors.js';
import type { ProviderKey } from '../../domain/provider.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { ProviderEnum } from '../enums.js';
import { ConsentNotificationSubscription, DeletionRecord, DeletionRecordConnection } from '../types/consent-notifications.type.js';

/** The provider, MASTERCARD_AU when not given (the only one with consent notifications). */
const providerOf = (provider: string | null): ProviderKey => (provider ?? 'MASTERCARD_AU') as ProviderKey;

function portOf(context: GatewayContext, provider: string | null) {
  return requirePort(context.registry.adapter(providerOf(provider)), 'consentNotifications', 'consent notifications');
}

async function withKeyState(context: GatewayContext, subscription: SubscriptionModel): Promise<ConsentNotificationSubscription> {
  const token = await context.consentKeys.tokenOf(subscription.provider, subscription.id);
  return { ...subscription, signingKeyStored: token !== undefined };
}

function toDeletionRecord(record: DeletionRecordModel): DeletionRecord {
  return {
    id: record.id,
    provider: record.provider,
    customerId: record.customerGlobalId,
    customerProviderId: record.customerId,
    consentReceiptId: record.consentReceiptId,
    institutionIds: record.institutionIds,
    kind: record.kind,
    cause:
      record.cause.type === 'caller'
        ? { type: 'caller', callerId: record.cause.callerId, eventId: null, eventType: null }
        : { type: 'provider-event', eventId: record.cause.eventId, eventType: record.cause.eventType, callerId: null },
    stores: record.stores.map((store) => ({ store: store.store, deleted: store.deleted })),
    complete: record.complete,
    deletedAt: new Date(record.deletedAt),
  };
}

const BASE_URL_DESCRIPTION =
  'The gateway as the provider reaches it (https://gateway.example.com); default PUBLIC_BASE_URL (or, on the sandbox, the listen address). The gateway appends /webhooks/mastercard/consents/<token>. A host other than that of PUBLIC_BASE_URL must be in REPORT_CALLBACK_HOSTS';

/** Operator administration of consent notifications and the deletion records (operator scope, src/security/field-rules.ts). */
@Resolver()
export class ConsentNotificationsResolver {
  @Query(() => [ConsentNotificationSubscription], { nullable: true, description: "The provider's consent notification subscriptions (Mastercard AU)" })
  async consentNotificationSubscriptions(
    @Arg('provider', () => ProviderEnum, { nullable: true, description: 'Default MASTERCARD_AU' }) provider: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<ConsentNotificationSubscription[]> {
    const subscriptions = await portOf(context, provider).list();
    return Promise.all(subscriptions.map((subscription) => withKeyState(context, subscription)));
  }

  @Query(() => ConsentNotificationSubscription, { nullable: true, description: 'One subscription; null with NOT_FOUND when the provider does not know it' })
  async consentNotificationSubscription(
    @Arg('id', () => String) id: string,
    @Arg('provider', () => ProviderEnum, { nullable: true, description: 'Default MASTERCARD_AU' }) provider: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<ConsentNotificationSubscription> {
    const found = await portOf(context, provider).get(id);
    if (!found) throw new GatewayError('NOT_FOUND', 'Consent notification subscription not found', { provider: providerOf(provider) });
    return withKeyState(context, found);
  }

  @Mutation(() => ConsentNotificationSubscription, {
    nullable: true,
    description:
      "Subscribes the gateway's consent notification receiver at the provider. The signing key the provider returns once is sealed with GATEWAY_SECRETS_KEY and kept in the shared store; it is never returned",
  })
  async createConsentNotificationSubscription(
    @Arg('provider', () => ProviderEnum, { nullable: true, description: 'Default MASTERCARD_AU' }) provider: string | null,
    @Arg('baseUrl', () => String, { nullable: true, description: BASE_URL_DESCRIPTION }) baseUrl: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<ConsentNotificationSubscription> {
    const port = portOf(context, provider);
    // Before the provider is asked: its signing key is returned once and could not be kept otherwise.
    context.consentKeys.requireSecrets();
    const callback = context.consentKeys.newCallback(baseUrl);
    const created = await port.create(callback.url);
    await context.consentKeys.save(callback.token, { provider: created.subscription.provider, subscriptionId: created.subscription.id, signingKey: created.signingKey });
    context.logger.info({ provider, subscriptionId: created.subscription.id }, 'consent notification subscription created');
    return { ...created.subscription, signingKeyStored: true };
  }

  @Mutation(() => ConsentNotificationSubscription, {
    nullable: true,
    description: "Moves a subscription to another base URL (the path and its token stay): the provider's PUT …/subscriptions/{id}/url",
  })
  async changeConsentNotificationSubscriptionUrl(
    @Arg('id', () => String) id: string,
    @Arg('baseUrl', () => String, { description: BASE_URL_DESCRIPTION }) baseUrl: string,
    @Arg('provider', () => ProviderEnum, { nullable: true, description: 'Default MASTERCARD_AU' }) provider: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<ConsentNotificationSubscription> {
    const port = portOf(context, provider);
    const token = await context.consentKeys.tokenOf(providerOf(provider), id);
    if (token === undefined) {
      throw new GatewayError('NOT_FOUND', 'This gateway holds no signing key for that subscription: create a new one instead', { field: 'id' });
    }
    return withKeyState(context, await port.changeUrl(id, context.consentKeys.callbackUrl(token, baseUrl)));
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      "Deletes the gateway's side of a subscription: its sealed signing key, so notifications to its URL are refused from now on. Mastercard documents no call to delete a subscription at the provider (seed 002), so the provider keeps it. True when a key was held",
  })
  async deleteConsentNotificationSubscription(
    @Arg('id', () => String) id: string,
    @Arg('provider', () => ProviderEnum, { nullable: true, description: 'Default MASTERCARD_AU' }) provider: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<boolean> {
    portOf(context, provider);
    return context.consentKeys.forget(providerOf(provider), id);
  }

  @Query(() => DeletionRecordConnection, {
    nullable: true,
    description: "Records of the gateway deleting customers' data after a consent was revoked or expired, newest first (CDR Rule 1.18)",
  })
  async deletionRecords(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100, default 25' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: GatewayContext,
  ) {
    const page = pageRequestOf(first, after);
    if (page.limit > 100) throw new GatewayError('BAD_USER_INPUT', 'first must be between 0 and 100', { field: 'first' });
    const found = await context.deletionRecords.list(page);
    return toConnection({ items: found.records.map(toDeletionRecord), offset: found.offset, hasMore: found.hasMore, totalCount: found.totalCount });
  }
}
