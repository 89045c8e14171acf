import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars.js';
import { Money } from './money.js';

@ObjectType({
  description:
    'What a payer needs to pay into the account (Mastercard AU Account Details: Transaction & Savings accounts). Holds the FULL account number: request it only to initiate a payment',
})
export class PaymentDetails {
  @Field(() => String, {
    description: 'The full account number, for payments only. Sensitive: the gateway never logs it or puts it in errors; do not store it longer than the payment needs',
  })
  accountNumber!: string;

  @Field(() => String, { description: 'The last four digits, for display' })
  accountNumberMasked!: string;

  @Field(() => String, { nullable: true, description: 'Bank State Branch number as XXY-ZZZ (XX institution, Y state, ZZZ branch)' })
  bsb!: string | null;

  @Field(() => String, { description: "The provider's instruction type (moneyTransfer)" })
  providerType!: string;
}

@ObjectType({ description: 'Available and cleared balance of a deposit account (Mastercard AU Account Balance)' })
export class AvailableBalance {
  @Field(() => Money)
  available!: Money;

  @Field(() => DateTimeScalar, { nullable: true })
  availableAt!: Date | null;

  @Field(() => Money, { nullable: true, description: 'Also called posted, current or ledger balance' })
  cleared!: Money | null;

  @Field(() => DateTimeScalar, { nullable: true })
  clearedAt!: Date | null;

  @Field(() => Boolean, { description: 'Read from the institution for this request rather than from the provider cache' })
  live!: boolean;
}

@ObjectType()
export class AccountHolderAddress {
  @Field(() => String, { nullable: true, description: 'One line, as the institution gives it' })
  full!: string | null;

  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => String, { nullable: true })
  line1!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  state!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;
}

@ObjectType({ description: 'An account holder as the institution knows them (Mastercard AU Account Owner)' })
export class AccountHolder {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. PRIMARY, JOINT, BUSINESS' })
  relationship!: string | null;

  @Field(() => String, { nullable: true, description: 'person or business' })
  classification!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => [AccountHolderAddress])
  addresses!: AccountHolderAddress[];

  @Field(() => [String])
  emails!: string[];

  @Field(() => [String])
  phones!: string[];
}
