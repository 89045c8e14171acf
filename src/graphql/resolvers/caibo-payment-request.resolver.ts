import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GatewayError } from '../../domain/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Transaction as TransactionModel } from '../../domain/model.js';
import type { PaymentRequest as PaymentRequestModel } from '../../domain/payment-requests.port.js';
import { requirePort } from '../../domain/ports.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayContext } from '../context.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency-key.js';
import { CreatePaymentRequestInput, PaymentRequest } from '../types/caibo-payment-request.type.js';
import { Customer } from '../types/customer.type.js';
import { Transaction } from '../types/transaction.type.js';
import { given } from '../input-values.js';
import { loadPaymentRequest } from '../lookups.js';

@Resolver(() => PaymentRequest)
export class PaymentRequestResolver {
  @FieldResolver(() => ID)
  id(@Root() request: PaymentRequestModel): string {
    return encodeGlobalId(request.ref);
  }

  @Query(() => PaymentRequest, {
    nullable: true,
    description: 'A payment request by global ID, with its current status; null with a NOT_FOUND error when it does not exist',
  })
  async paymentRequest(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<PaymentRequestModel> {
    const target = decodeGlobalId(id, 'PaymentRequest');
    const found = await loadPaymentRequest(context, target);
    if (!found) throw new GatewayError('NOT_FOUND', 'PaymentRequest not found', { provider: target.provider });
    return found;
  }

  @Mutation(() => PaymentRequest, { nullable: true, description: 'Asks a customer for money; send the payer to the returned `link`' })
  async createPaymentRequest(
    @Arg('input', () => CreatePaymentRequestInput) input: CreatePaymentRequestInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<PaymentRequestModel> {
    const adapter = context.registry.adapter(input.provider as ProviderKey);
    const customerId = given(input.customerId);
    const port = requirePort(adapter, 'paymentRequests', 'payment requests');
    const created = await context.idempotency.run({
      caller: context.caller.id,
      operation: 'createPaymentRequest',
      key: idempotencyKey,
      input,
      create: () => createRequest(),
      refOf: (request) => request.ref,
      read: (ref) => port.get(ref),
    });
    // The customer's payment requests (its transactions, hasPaymentRequests, totalDeposits) changed.
    if (created.customerRef) context.loaders.customerChanged(created.customerRef);
    return created;

    function createRequest() {
      return port.create({
      amount: input.amount,
      currency: input.currency,
      customer: customerId === null ? null : decodeGlobalId(customerId, 'Customer', 'input.customerId'),
      referenceId: given(input.referenceId),
      notes: given(input.notes),
      notifyUrl: given(input.notifyUrl),
      successUrl: given(input.successUrl),
      failureUrl: given(input.failureUrl),
      });
    }
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer asked to pay, when the request names one' })
  customer(@Root() request: PaymentRequestModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return request.customerRef ? context.loaders.customer.load(request.customerRef) : Promise.resolve(null);
  }

  @FieldResolver(() => Transaction, { description: 'The same request as a unified Transaction' })
  transaction(@Root() request: PaymentRequestModel): TransactionModel {
    return request.transaction;
  }
}

@Resolver(() => Transaction)
export class PaymentRequestTransactionFieldsResolver {
  @FieldResolver(() => PaymentRequest, {
    nullable: true,
    description: 'The payment request this transaction is (Caibo IPG); null for other providers',
  })
  paymentRequest(@Root() transaction: TransactionModel, @Ctx() context: GatewayContext): Promise<PaymentRequestModel | null> {
    if (transaction.details?.provider !== 'CAIBO_IPG') return Promise.resolve(null);
    const id = transaction.details.paymentRequestId;
    return loadPaymentRequest(context, { provider: transaction.provider, type: 'PaymentRequest', id, scope: [] });
  }
}
