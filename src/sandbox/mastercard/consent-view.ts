import { institutionLabel } from './serializers.js';
import type { SimContext } from './sim-context.js';
import { consentStatus, type SimConsent } from './store.js';

export const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Scopes granted by the sandbox's data-sharing purpose (names from the spec's DataScopes example). */
const DATA_SCOPES = [
  { id: 'ACCOUNT_BASIC', name: 'Account display name, masked account number, type, description' },
  { id: 'ACCOUNT_DETAILED', name: 'Account Information - Basic + account balances, credit limits, due dates, interest rates, rewards balances, recurrences' },
  { id: 'TRANSACTION_DETAILED', name: 'Transaction details: amounts, dates, descriptions, payees' },
  { id: 'CUSTOMER_PERSONAL', name: 'Name, Email, Address, Phone on file with this institution' },
];

/**
 * A consent as the consent APIs answer it (seed 002, Managing Consent; shapes from
 * openbanking-us.yaml DataSharingConsentReceipt, which the AU platform shares) and as consent
 * notifications carry it in `payload.consent` (seed 002, Consent Notifications Structure).
 */
export function consentView(ctx: Omit<SimContext, 'consentEvents'>, c: SimConsent): Record<string, unknown> {
  const { store } = ctx;
  const customer = store.customers.get(c.customerId);
  const category = customer?.category ?? 'INDIVIDUAL';
  return {
    consentReceiptId: c.consentReceiptId,
    receiptVersion: c.receiptVersion,
    customerId: c.customerId,
    customerCategory: category,
    purpose: c.purpose,
    purposeStatement: c.purposeStatement,
    partnerId: ctx.partnerId,
    applicationId: c.applicationId,
    applicationName: c.applicationName,
    context: 'partner',
    allowedTrnxHistoryInDays: c.allowedTrnxHistoryInDays,
    createdDate: iso(c.createdDate),
    statusDetails: { status: consentStatus(c), statusDate: iso(c.statusDate) },
    institutions: c.arrangements.map((a) => ({
      institutionId: a.institutionId,
      institutionLoginId: String(a.institutionLoginId),
      institutionName: institutionLabel(ctx, a.institutionId),
      accounts: [...store.accounts.values()]
        .filter((acc) => acc.institutionLoginId === a.institutionLoginId)
        .map((acc) => ({
          id: acc.id,
          realAccountNumberLast4: acc.realAccountNumber.slice(-4),
          type: acc.type,
          name: acc.name,
          status: a.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
        })),
      createdDate: iso(a.createdDate),
      lastUpdatedBy: a.lastUpdatedBy,
      statusDetails: { status: a.status, statusDate: iso(a.statusDate) },
      accessPeriod: { startDate: iso(a.createdDate), endDate: iso(a.accessEndDate) },
      isBusinessConsumerStatement: String(category === 'BUSINESS' && ctx.accessModel === 'BCDC'),
      accountOwnerCategory: category,
      dataScopes: DATA_SCOPES,
    })),
    accessPeriod: { startDate: iso(c.createdDate), endDate: iso(c.accessEndDate) },
  };
}
