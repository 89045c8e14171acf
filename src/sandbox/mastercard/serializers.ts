import { institutionName } from './institutions.js';
import type { SimContext } from './sim-context.js';
import type { SimAccount, SimCustomer, SimTransaction } from './store.js';

/** Finicity's epoch fields are seconds; accounts are re-aggregated roughly every 4 hours (seed 002, FAQs). */
const CACHE_INTERVAL = 4 * 3600;

/** Get/List shape: `createdDate` and `lastModifiedDate` are STRINGS there (us-notes.md, Customers). */
export function customerView(ctx: SimContext, c: SimCustomer, withApplicationId: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: c.id,
    username: c.username,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    email: c.email,
    type: c.type,
    createdDate: String(c.createdDate),
    lastModifiedDate: String(c.lastModifiedDate),
  };
  if (withApplicationId) view.applicationId = c.applicationId;
  if (ctx.profile.region === 'AU') {
    // AU-only fields (seed 000, Customer Records); the consent receipt calls it customerCategory.
    view.category = c.category;
    if (c.abn !== undefined) view.abn = c.abn;
  }
  return view;
}

export function lastAggregation(ctx: SimContext, account: SimAccount): number | undefined {
  const now = ctx.nowSeconds();
  if (account.aggregationReadyAt > now) return undefined;
  return Math.max(account.aggregationReadyAt, now - (now % CACHE_INTERVAL));
}

/** CustomerAccount (openbanking-us.yaml): ids as strings except institutionLoginId (int), dates epoch ints. */
export function accountView(ctx: SimContext, a: SimAccount): Record<string, unknown> {
  const transactions = ctx.store.transactionsOfAccount(a.id);
  let newest = 0;
  let oldest = Number.MAX_SAFE_INTEGER;
  for (const t of transactions) {
    if (t.postedDate > newest) newest = t.postedDate;
    if (t.postedDate < oldest) oldest = t.postedDate;
  }
  const aggregated = lastAggregation(ctx, a);
  const last4 = a.realAccountNumber.slice(-4);
  const au = ctx.profile.region === 'AU';
  const view: Record<string, unknown> = {
    id: a.id,
    number: au ? `xxxx-xxxx-xxxx-${last4}` : `xxxxxx${last4}`,
    accountNumberDisplay: au ? `xxxx-xxxx-xxxx-${last4}` : last4,
    realAccountNumberLast4: last4,
    name: a.name,
    balance: a.balance,
    type: a.type,
    // 325 while the first aggregation runs (seed 002, API Status Codes), 0 = success.
    aggregationStatusCode: aggregated === undefined ? 325 : 0,
    status: a.status,
    customerId: a.customerId,
    institutionId: a.institutionId,
    balanceDate: aggregated ?? a.createdDate,
    aggregationSuccessDate: aggregated,
    aggregationAttemptDate: Math.max(aggregated ?? a.createdDate, a.lastConnectionAt ?? 0),
    createdDate: a.createdDate,
    lastUpdatedDate: aggregated ?? a.createdDate,
    marketSegment: a.marketSegment,
    currency: a.currency,
    lastTransactionDate: aggregated !== undefined && newest > 0 ? newest : undefined,
    oldestTransactionDate: aggregated !== undefined && newest > 0 ? oldest : undefined,
    institutionLoginId: a.institutionLoginId,
    detail: a.detail,
  };
  if (au) {
    // Fields the AU reference app's account fixtures carry beyond the US schema (au-notes.md, Shapes).
    view.displayName = a.name;
    view.accountNickname = a.name;
    view.financialinstitutionAccountStatus = 'OPEN';
  }
  return view;
}

/** Transaction (openbanking-us.yaml): id int64, accountId/customerId ints, epoch-int dates. */
export function transactionView(ctx: SimContext, t: SimTransaction): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: t.id,
    amount: t.amount,
    accountId: Number(t.accountId),
    customerId: Number(t.customerId),
    status: t.status,
    description: t.description,
    memo: t.memo,
    type: t.type,
    transactionDate: t.transactionDate,
    postedDate: t.postedDate,
    createdDate: t.createdDate,
    categorization: { ...t.categorization, bestRepresentation: t.description },
    // The AU reference app reads currencySymbol as the currency code; the US example holds "USD".
    currencySymbol: ctx.profile.currency,
  };
  if (t.checkNum !== undefined) view.checkNum = t.checkNum;
  if (ctx.profile.region === 'AU') view.institutionTransactionId = String(t.id).padStart(10, '0');
  return view;
}

export function institutionLabel(ctx: Pick<SimContext, 'profile'>, institutionId: string): string {
  return institutionName(ctx.profile.region, institutionId);
}
