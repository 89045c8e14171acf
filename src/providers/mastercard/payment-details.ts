import { z } from 'zod/v4';
import type { PaymentDetails, PaymentDetailsPort } from '../../domain/account-details.port.js';
import { GatewayError } from '../../domain/errors.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import type { NativeRef } from '../../domain/global-id.js';
import { accountScope, nullWhenUnsupportedType } from './account-scope.js';
import type { FinicityClient } from './finicity-client.js';
import { segment, type MastercardRegion } from './region.js';

/**
 * Money-transfer details (seed 002, Account Details: GET /aggregation/v3/…/details; Transaction &
 * Savings accounts only, au-reference-app-extract.json). The reference app and the platform schema
 * (openbanking-us.yaml PaymentInstructions) use the singular `paymentInstruction`; the AU docs page
 * shows `paymentInstructions`; both are read.
 *
 * The account number is the one value in this gateway that is exposed in full, because paying the
 * account is what it is for: it is returned only from this port (behind its own GraphQL field),
 * never cached, never logged, never put in an error message.
 */
const instructionSchema = z
  .object({
    type: z.string().nullish(),
    accountNumber: z.union([z.string(), z.number().transform(String)]),
    descriptors: z.array(z.object({ type: z.string().nullish(), value: z.union([z.string(), z.number().transform(String)]) })).default([]),
  })
  .passthrough();

const detailsSchema = z
  .object({ paymentInstruction: z.array(instructionSchema).nullish(), paymentInstructions: z.array(instructionSchema).nullish() })
  .passthrough();

/** BSB: six digits shown as `XXY-ZZZ` (XX institution, Y state, ZZZ branch; seed 002, Account Details). */
export function formatBsb(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

export function createPaymentDetailsPort(region: MastercardRegion, client: FinicityClient): PaymentDetailsPort {
  const offSpec = (what: string) =>
    // No cause and no value: the body holds the full account number.
    new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: account details answered ${what}`, { provider: region.provider });

  return {
    async get(account: NativeRef): Promise<PaymentDetails | null> {
      const data = accountScope(account);
      return nullWhenUnsupportedType(
        client
          .call({
            operation: 'accounts.details',
            method: 'GET',
            path: `/aggregation/v3/customers/${segment(data.customerId)}/accounts/${segment(account.id)}/details`,
            data,
          })
          .then((response) => {
            const parsed = detailsSchema.safeParse(response.json);
            if (!parsed.success) throw offSpec('an unexpected body');
            const instruction = (parsed.data.paymentInstruction ?? parsed.data.paymentInstructions ?? [])[0];
            if (!instruction) return null;
            // The reference app reads descriptors[0].value as the BSB; prefer the typed descriptor.
            const descriptor = instruction.descriptors.find((d) => d.type === 'bsbNumber') ?? instruction.descriptors[0];
            const bsb = descriptor ? formatBsb(descriptor.value) : null;
            // A BSB that is not six digits reads as null with a warning (tolerant reading, issue 9): the
            // account number is still what the caller pays into.
            if (descriptor && bsb === null) warnProviderData(region.provider, 'accounts.details', 'paymentInstruction.descriptors.value', 'unparsable');
            const digits = instruction.accountNumber.replace(/\D/g, '');
            return {
              providerType: instruction.type ?? 'moneyTransfer',
              accountNumber: instruction.accountNumber,
              accountNumberMasked: `…${digits.slice(-4)}`,
              bsb,
            };
          }),
      );
    },
  };
}
