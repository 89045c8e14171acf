import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { GatewayError } from '../../domain/errors.js';
import { encodeGlobalId, type NativeRef } from '../../domain/global-id.js';
import { ProviderEnum } from '../enums.js';

@ObjectType({ description: 'Why one provider (or one of its customers or accounts) is missing from a fan-out result' })
export class ProviderError {
  @Field(() => ProviderEnum)
  provider!: string;

  /**
   * A global ID rather than a `Customer` object: this type is built by the gateway from the failure
   * itself, and resolving the customer would be another provider call — often to the provider that
   * just failed. The ID is the one `customer(id:)`, `filter.customers` and the export's `customerId`
   * take, so a caller can retry exactly the missing customer.
   */
  @Field(() => ID, {
    nullable: true,
    description:
      "Global ID of the customer whose rows are missing, when the fault is that customer's (one customer's read failed, or one of its accounts is left out); null when it is the whole provider's",
  })
  customerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Global ID of the account whose rows are missing, when the fault is that account's (Mastercard AU: its first aggregation is still running)",
  })
  accountId?: string | null;

  @Field(() => String, { description: 'The unified error code, as in errors[].extensions.code' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Boolean)
  retryable!: boolean;

  @Field(() => Int, { nullable: true })
  retryAfterMs!: number | null;
}

/** What a fan-out knows of one missing part: the provider, the error, and the customer or account when the fault is theirs. */
export interface ProviderFault {
  provider: string;
  error: GatewayError;
  customer?: NativeRef | null;
  account?: NativeRef | null;
}

/** The {@link ProviderError} a caller reads for `fault` (ids as global IDs, nulls where the fault is wider). */
export function providerErrorOf({ provider, error, customer, account }: ProviderFault): ProviderError {
  return {
    provider,
    customerId: customer ? encodeGlobalId(customer) : null,
    accountId: account ? encodeGlobalId(account) : null,
    code: error.code,
    message: error.message,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs ?? null,
  };
}
