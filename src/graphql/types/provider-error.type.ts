import { Field, ID, Int, ObjectType } from 'type-graphql';
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
