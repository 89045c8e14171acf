import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { connectionTypes } from './connection.js';
import { Node } from './node.js';

export const ConsentStatusEnum = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE' } as const;
registerEnumType(ConsentStatusEnum, {
  name: 'ConsentStatus',
  description: 'ACTIVE while at least one institution arrangement is active; INACTIVE once every one is revoked or expired',
});

export const ArrangementStatusEnum = { ACTIVE: 'ACTIVE', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED', OTHER: 'OTHER' } as const;
registerEnumType(ArrangementStatusEnum, {
  name: 'ArrangementStatus',
  description: "An institution arrangement's status; data of a REVOKED or EXPIRED one can no longer be read. OTHER: see providerStatus",
});

export const ConsentActorEnum = { CUSTOMER: 'CUSTOMER', PARTNER: 'PARTNER' } as const;
registerEnumType(ConsentActorEnum, {
  name: 'ConsentActor',
  description: 'Who asks for a consent change, as CDR records it: CUSTOMER (e.g. the customer revoked in your app) or PARTNER (e.g. you close the customer)',
});

@ObjectType({ description: 'The sharing of one institution login inside a consent' })
export class ConsentArrangement {
  @Field(() => String)
  institutionId!: string;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;

  @Field(() => String, { description: 'Account.institutionLoginId of the accounts shared here; revokeConsentInstitutionLogin takes it' })
  institutionLoginId!: string;

  @Field(() => ArrangementStatusEnum)
  status!: string;

  @Field(() => String)
  providerStatus!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  statusAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  accessStart!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  accessEnd!: Date | null;

  @Field(() => [String], { description: "Provider ids (Account.providerId) of the accounts shared under it" })
  accountIds!: string[];

  @Field(() => [String], { description: 'Data scope ids granted, e.g. ACCOUNT_BASIC, TRANSACTION_DETAILED' })
  dataScopes!: string[];

  @Field(() => String, { nullable: true, description: 'CUSTOMER, PARTNER, INSTITUTION, SYSTEM or INTERNAL' })
  lastUpdatedBy!: string | null;
}

@ObjectType({ implements: Node, description: 'A CDR data-sharing consent (Mastercard AU): one purpose, one arrangement per institution' })
export class Consent extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: 'The consent receipt id (the Consent-Receipt-Id the gateway sends on data calls)' })
  receiptId!: string;

  @Field(() => Int, { nullable: true, description: 'Increases with every change' })
  receiptVersion!: number | null;

  @Field(() => ConsentStatusEnum)
  status!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  statusAt!: Date | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String, { nullable: true })
  purposeStatement!: string | null;

  @Field(() => String, { nullable: true })
  applicationName!: string | null;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL or BUSINESS' })
  customerCategory!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days of transactions before the consent started that it allows (0–365)' })
  allowedHistoryDays!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  accessStart!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'After this the consent expires and the data must be deleted' })
  accessEnd!: Date | null;

  @Field(() => [ConsentArrangement])
  arrangements!: ConsentArrangement[];
}

export const { Connection: ConsentConnection } = connectionTypes('Consent', Consent);
