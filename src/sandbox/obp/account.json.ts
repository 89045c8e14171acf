import { amountJson } from './json-format.js';
import type { ObpAccount } from './model.js';

export const OWNER_VIEW_ID = 'owner';

// Every permission flag of ViewJSON (the v4.0.0 example's views_available); `owner` may do all.
const VIEW_PERMISSIONS = [
  'can_add_comment', 'can_add_corporate_location', 'can_add_image', 'can_add_image_url', 'can_add_more_info',
  'can_add_open_corporates_url', 'can_add_physical_location', 'can_add_private_alias', 'can_add_public_alias',
  'can_add_tag', 'can_add_url', 'can_add_where_tag', 'can_delete_comment', 'can_delete_corporate_location',
  'can_delete_image', 'can_delete_physical_location', 'can_delete_tag', 'can_delete_where_tag',
  'can_edit_owner_comment', 'can_see_bank_account_balance', 'can_see_bank_account_bank_name',
  'can_see_bank_account_currency', 'can_see_bank_account_iban', 'can_see_bank_account_label',
  'can_see_bank_account_national_identifier', 'can_see_bank_account_number', 'can_see_bank_account_owners',
  'can_see_bank_account_swift_bic', 'can_see_bank_account_type', 'can_see_comments', 'can_see_corporate_location',
  'can_see_image_url', 'can_see_images', 'can_see_more_info', 'can_see_open_corporates_url',
  'can_see_other_account_bank_name', 'can_see_other_account_iban', 'can_see_other_account_kind',
  'can_see_other_account_metadata', 'can_see_other_account_national_identifier', 'can_see_other_account_number',
  'can_see_other_account_swift_bic', 'can_see_owner_comment', 'can_see_physical_location', 'can_see_private_alias',
  'can_see_public_alias', 'can_see_tags', 'can_see_transaction_amount', 'can_see_transaction_balance',
  'can_see_transaction_currency', 'can_see_transaction_description', 'can_see_transaction_finish_date',
  'can_see_transaction_metadata', 'can_see_transaction_other_bank_account', 'can_see_transaction_start_date',
  'can_see_transaction_this_bank_account', 'can_see_transaction_type', 'can_see_url', 'can_see_where_tag',
] as const;

const OWNER_DESCRIPTION = 'This view is for the owner for the account.';

/** ViewJSON of the system `owner` view, as listed in views_available. */
export const ownerViewJson = (): Record<string, unknown> => ({
  id: OWNER_VIEW_ID,
  short_name: 'Owner',
  description: OWNER_DESCRIPTION,
  is_public: false,
  alias: 'private',
  hide_metadata_if_alias_used: false,
  ...Object.fromEntries(VIEW_PERMISSIONS.map((p) => [p, true])),
});

/** BasicAccountJSON (GET /obp/v4.0.0/banks/BANK_ID/accounts). */
export const basicAccountJson = (a: ObpAccount): Record<string, unknown> => ({
  id: a.accountId,
  label: a.label,
  bank_id: a.bankId,
  views_available: [{ id: OWNER_VIEW_ID, short_name: 'Owner', is_public: false }],
});

/** CoreAccountJSON (GET /obp/v3.0.0/banks/BANK_ID/accounts/private and /my/accounts). */
export const coreAccountJson = (a: ObpAccount): Record<string, unknown> => ({
  id: a.accountId,
  label: a.label,
  bank_id: a.bankId,
  account_type: a.productCode,
  account_routings: a.routings,
  views: [{ id: OWNER_VIEW_ID, short_name: 'owner', description: OWNER_DESCRIPTION, is_public: false }],
});

/**
 * ModeratedAccountJSON400 (GET /obp/v4.0.0/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/account).
 * OBP's `owners` are users; seeded accounts are held by customers who have no OBP user, so the
 * sandbox lists the holding customer (id = customer_id, display_name = legal name).
 */
export const moderatedAccountJson400 = (a: ObpAccount): Record<string, unknown> => ({
  id: a.accountId,
  label: a.label,
  number: a.number,
  owners: [{ id: a.customerId, provider: 'sandbox', display_name: a.holderName }],
  product_code: a.productCode,
  balance: amountJson(a.currency, a.balanceMinor),
  views_available: [ownerViewJson()],
  bank_id: a.bankId,
  account_routings: a.routings,
  account_attributes: [],
  tags: [],
});

/** ModeratedCoreAccountJsonV400 (GET /obp/v4.0.0/my/banks/BANK_ID/accounts/ACCOUNT_ID/account). */
export const coreAccountJson400 = (a: ObpAccount): Record<string, unknown> => ({
  id: a.accountId,
  bank_id: a.bankId,
  label: a.label,
  number: a.number,
  product_code: a.productCode,
  balance: amountJson(a.currency, a.balanceMinor),
  account_routings: a.routings,
  views_basic: [OWNER_VIEW_ID],
});

/** AccountBalanceJsonV400 (GET /obp/v4.0.0/banks/BANK_ID/accounts/ACCOUNT_ID/balances). */
export const accountBalancesJson400 = (a: ObpAccount): Record<string, unknown> => ({
  account_id: a.accountId,
  label: a.label,
  bank_id: a.bankId,
  account_routings: a.routings,
  // The resource-doc example leaves `type` empty; so does the sandbox.
  balances: [{ type: '', ...amountJson(a.currency, a.balanceMinor) }],
});
