import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PAYMENT_REQUEST_STATUSES, type PaymentRequestStatus } from '../../domain/payment-requests.port.js';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar, DecimalScalar } from '../scalars.js';
import { Money } from './money.js';
import { Node } from './node.js';

export const PaymentRequestStatusEnum = Object.fromEntries(PAYMENT_REQUEST_STATUSES.map((value) => [value, value])) as {
  [K in PaymentRequestStatus]: K;
};
registerEnumType(PaymentRequestStatusEnum, {
  name: 'PaymentRequestStatus',
  description:
    'WAITING: not paid yet. PENDING: the payer submitted, the processor has not answered. APPROVED: paid. DECLINED: the last attempt was refused (the payer may retry). CANCELLED: withdrawn',
});

@ObjectType({
  implements: Node,
  description: 'A request for money with a hosted pay page (Caibo IPG). Also listed as a Transaction in Customer.transactions',
})
export class PaymentRequest extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's own id (Caibo: an int64, as a string)" })
  providerId!: string;

  @Field(() => Money, { description: 'What the payer is asked to pay' })
  amount!: Money;

  @Field(() => PaymentRequestStatusEnum)
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: "The provider's own status values (Caibo: transactionStatusId name / paymentRequestStatusId name, e.g. pending/unpaid)",
  })
  providerStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'The hosted pay page to send the payer to' })
  link!: string | null;

  @Field(() => String, { nullable: true, description: "The merchant's own reference (order id)" })
  referenceId!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's public number of the payment attempt, once there is one" })
  transactionNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Text of the last status change, e.g. a decline reason' })
  statusMessage!: string | null;

  @Field(() => String, { nullable: true, description: "The processor's code of the last status change" })
  statusCode!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the status last changed' })
  statusChangedAt!: Date | null;
}

@InputType({ description: 'A payment request (providers with the PAYMENT_REQUESTS capability: Caibo IPG)' })
export class CreatePaymentRequestInput {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, e.g. "49.99"' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code (Caibo also takes crypto units such as USDT)' })
  currency!: string;

  @Field(() => ID, { nullable: true, description: 'The customer to ask (a Customer ID of the same provider)' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: "The merchant's own reference (order id)" })
  referenceId?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the provider posts signed status callbacks: an http(s) URL on a host the operator allows (REPORT_CALLBACK_HOSTS) or the gateway itself' })
  notifyUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the pay page sends the payer after paying' })
  successUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the pay page sends the payer after a failure' })
  failureUrl?: string | null;
}
