import type { ObpAccount, ObpTransaction } from './model.js';
import { amountJson, formatDateTime } from './json-format.js';

const thisAccountJson = (a: ObpAccount): Record<string, unknown> => ({
  id: a.accountId,
  bank_routing: { scheme: 'OBP', address: a.bankId },
  account_routings: a.routings,
  holders: [{ name: a.holderName, is_alias: false }],
});

const otherAccountCore = (t: ObpTransaction): Record<string, unknown> => ({
  id: t.counterparty.id,
  holder: { name: t.counterparty.name, is_alias: false },
  bank_routing: t.counterparty.bankRouting,
  account_routings: t.counterparty.accountRoutings,
});

const detailsJson = (t: ObpTransaction): Record<string, unknown> => ({
  type: t.type,
  description: t.description,
  posted: formatDateTime(t.posted),
  completed: formatDateTime(t.completed),
  new_balance: amountJson(t.currency, t.newBalanceMinor),
  value: amountJson(t.currency, t.amountMinor),
});

/**
 * TransactionJsonV300 through a view (v3.0.0 createTransactionsJson / JSONFactory300.createTransactionJSON).
 * Metadata nobody has added is empty (lists) or null (locations), as OBP serialises it.
 */
export const transactionJsonV300 = (a: ObpAccount, t: ObpTransaction): Record<string, unknown> => ({
  id: t.transactionId,
  this_account: thisAccountJson(a),
  other_account: {
    ...otherAccountCore(t),
    metadata: {
      public_alias: '',
      private_alias: '',
      more_info: '',
      URL: '',
      image_URL: '',
      open_corporates_URL: '',
      corporate_location: null,
      physical_location: null,
    },
  },
  details: detailsJson(t),
  metadata: { narrative: '', comments: [], tags: [], images: [], where: null },
  transaction_attributes: [],
});

/** CoreTransactionJsonV300 (GET /obp/v3.0.0/my/banks/BANK_ID/accounts/ACCOUNT_ID/transactions). */
export const coreTransactionJsonV300 = (a: ObpAccount, t: ObpTransaction): Record<string, unknown> => ({
  id: t.transactionId,
  this_account: thisAccountJson(a),
  other_account: otherAccountCore(t),
  details: detailsJson(t),
  transaction_attributes: [],
});
