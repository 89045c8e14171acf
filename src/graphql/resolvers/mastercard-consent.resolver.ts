import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Consent as ConsentModel, ConsentActor, ConsentStatus } from '../../domain/consents.port.js';
import { decodeGlobalId, encodeGlobalId, type NativeRef } from '../../domain/global-id.js';
import type { Customer as CustomerModel } from '../../domain/model.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { Customer } from '../types/customer.type.js';
import { Consent, ConsentActorEnum, ConsentConnection, ConsentStatusEnum } from '../types/mastercard-consent.type.js';
import { loadExisting } from '../lookups.js';

@ArgsType()
export class ConsentPageArgs {
  @Field(() => ConsentStatusEnum, { nullable: true, description: 'Only consents in this status; all when omitted' })
  status?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–1000, default 25' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

function consentsOf(context: GatewayContext, customer: NativeRef, args: ConsentPageArgs) {
  const port = requirePort(context.registry.adapter(customer.provider), 'consents', 'consents');
  return port.listForCustomer(customer, (args.status ?? null) as ConsentStatus | null, pageRequestOf(args.first, args.after));
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => ID)
  id(@Root() consent: ConsentModel): string {
    return encodeGlobalId(consent.ref);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() consent: ConsentModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return context.loaders.customer.load(consent.customerRef);
  }

  @Query(() => ConsentConnection, { nullable: true, description: "A customer's CDR consents, newest first (providers with the CONSENTS capability)" })
  async consents(@Arg('customerId', () => ID) customerId: string, @Args(() => ConsentPageArgs) args: ConsentPageArgs, @Ctx() context: GatewayContext) {
    return toConnection(await consentsOf(context, decodeGlobalId(customerId, 'Customer', 'customerId'), args));
  }

  @Query(() => Consent, { nullable: true, description: 'A consent by global ID; null with a NOT_FOUND error when unknown' })
  consent(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Consent'));
  }

  @Mutation(() => Consent, {
    nullable: true,
    description:
      'Revokes the whole consent: every institution arrangement is revoked and the consent becomes INACTIVE. Data calls for its accounts then fail with CONSENT_REVOKED; CDR requires deleting the data derived from it',
  })
  async revokeConsent(
    @Arg('id', () => ID) id: string,
    @Arg('revokedBy', () => ConsentActorEnum) revokedBy: string,
    @Ctx() context: GatewayContext,
  ): Promise<ConsentModel> {
    const target = decodeGlobalId(id, 'Consent');
    const revoked = await requirePort(context.registry.adapter(target.provider), 'consents', 'consents').revoke(target, revokedBy as ConsentActor, context.caller.id);
    // The customer's accounts and transactions may no longer be read: later fields ask again.
    context.loaders.customerChanged(revoked.customerRef);
    return revoked;
  }

  @Mutation(() => Consent, {
    nullable: true,
    description: "Revokes one institution login's arrangement; the consent stays ACTIVE while another arrangement is",
  })
  async revokeConsentInstitutionLogin(
    @Arg('id', () => ID) id: string,
    @Arg('institutionLoginId', () => String, { description: 'Account.institutionLoginId / ConsentArrangement.institutionLoginId' }) institutionLoginId: string,
    @Arg('revokedBy', () => ConsentActorEnum) revokedBy: string,
    @Ctx() context: GatewayContext,
  ): Promise<ConsentModel> {
    const target = decodeGlobalId(id, 'Consent');
    const revoked = await requirePort(context.registry.adapter(target.provider), 'consents', 'consents').revokeInstitutionLogin(
      target,
      institutionLoginId,
      revokedBy as ConsentActor,
      context.caller.id,
    );
    context.loaders.customerChanged(revoked.customerRef);
    return revoked;
  }
}

/** Mastercard AU customer fields: ABN and consents. */
@Resolver(() => Customer)
export class MastercardCustomerFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Mastercard AU: Australian Business Number of a BUSINESS customer; null for other providers' })
  abn(@Root() customer: CustomerModel): string | null {
    return customer.details?.provider === 'MASTERCARD_AU' ? customer.details.abn : null;
  }

  @FieldResolver(() => ConsentConnection, {
    nullable: true,
    description: "The customer's CDR consents (providers with the CONSENTS capability; UNSUPPORTED_BY_PROVIDER for others)",
  })
  async consents(@Root() customer: CustomerModel, @Args(() => ConsentPageArgs) args: ConsentPageArgs, @Ctx() context: GatewayContext) {
    return toConnection(await consentsOf(context, customer.ref, args));
  }
}
