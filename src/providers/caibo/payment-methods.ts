import { z } from 'zod/v4';
import type { SavedPaymentMethod, SavedPaymentMethodsPort } from '../../domain/customer-extras.port.js';
import { GatewayError } from '../../domain/errors.js';
import { readRecords, type ReadContext } from '../record-reader.js';
import type { CaiboClient } from './caibo-client.js';
import { caiboDate } from './customers.mapper.js';
import { CAIBO_ID_PATTERN } from './ids.js';

const PROVIDER = 'CAIBO_IPG' as const;
const id = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform(String);

/**
 * One saved payment method, SANDBOX ASSUMPTION on its shape: seed 003 shows the call but not the
 * answer (see src/sandbox/caibo/payment-methods.routes.ts); the members are the PaymentRequest
 * model's own names. Read tolerantly: a record without a usable `id` fails alone.
 */
const savedMethodSchema = z
  .object({
    id,
    paymentMethodId: id.nullish().transform((value) => value ?? null),
    cardLastDigits: z.string().nullish().transform((value) => value ?? null),
    isDefault: z.boolean().nullish().transform((value) => value ?? null),
    createDate: z.string().nullish().transform((value) => value ?? null),
  })
  .passthrough();
type WireSavedMethod = z.infer<typeof savedMethodSchema>;

const savedMethodListSchema = z.array(z.unknown());

/** Last four characters at most: whatever the provider sends, no more than a card's last digits leave. */
const lastDigits = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value.trim().slice(-4));

function toSavedMethod(wire: WireSavedMethod, context: ReadContext): SavedPaymentMethod {
  return {
    provider: PROVIDER,
    providerId: wire.id,
    methodId: wire.paymentMethodId,
    cardLastDigits: lastDigits(wire.cardLastDigits),
    isDefault: wire.isDefault,
    savedAt: caiboDate(wire.createDate, 'createDate', context),
  };
}

/**
 * A customer's saved payment methods: `GET /users/payment-methods/{customerId}` (seed 003, "Get
 * Payment Methods": `/api/users/payment-methods/12345`, the `/api` prefix being the example's own
 * backend). 404 (CUSTOMER_NOT_FOUND) is NOT_FOUND.
 */
export function createCaiboSavedPaymentMethods(client: CaiboClient): SavedPaymentMethodsPort {
  return {
    async listForCustomer(customer) {
      if (!CAIBO_ID_PATTERN.test(customer.id)) throw new GatewayError('NOT_FOUND', `${PROVIDER}: customer not found`, { provider: PROVIDER });
      const list = await client.callJson(
        { operation: 'payment-methods.list', method: 'GET', path: `/users/payment-methods/${customer.id}` },
        savedMethodListSchema,
      );
      const context: ReadContext = { provider: PROVIDER, operation: 'payment-methods.list' };
      return readRecords(savedMethodSchema, list, context, (wire) => toSavedMethod(wire, context));
    },
  };
}
