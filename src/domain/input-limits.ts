/**
 * The longest string the gateway passes on to a provider, per argument (issue 18: inputs bounded
 * before they travel). Keys are GraphQL schema coordinates — `Type.field(argument:)` for an
 * argument, `InputType.field` for a field of an input object — so the table reads like the schema.
 * Every String or ID value a request carries is checked against its entry, or against the defaults
 * below, before the operation runs (src/graphql/input-limits.plugin.ts); an over-long value is
 * BAD_USER_INPUT naming the argument, and no provider is called. Lengths count UTF-16 code units,
 * as JavaScript and .NET (Caibo) do.
 *
 * Provider-specific limits stricter than these are checked by that provider's adapter before its
 * call: Caibo's `Client` (name/email 100, address 255, phone 20, memberId 50 — seed 003,
 * `src/providers/caibo/customer-input.ts`) and payment requests
 * (`src/providers/caibo/payment-request-input.ts`); Mastercard usernames 6–255 characters (seed 001).
 */
export interface InputLimit {
  maxLength: number;
  /** Where the number comes from: the provider document, or why it is a sane bound. */
  source: string;
}

/** Any String argument without an entry: longer than any name, address, note or URL a provider takes. */
export const DEFAULT_STRING_MAX_LENGTH = 1000;

/** Any ID argument: a global ID is base64url of a few provider ids (≈ 100–250 characters). */
export const ID_MAX_LENGTH = 512;

/** URLs the gateway passes on (callbacks, redirects): the common 2 KB practical URL limit. */
const URL_LIMIT: InputLimit = { maxLength: 2048, source: 'sane: the practical URL limit of browsers and proxies' };

/**
 * A search sent as a query parameter: Mastercard usernames and names are at most 255 characters
 * (seeds 001/002), so a longer search can match nothing; 20,000 characters overflowed the provider's
 * 16 KiB request-line limit (HTTP 431) and came back as a retryable outage.
 */
const SEARCH_LIMIT: InputLimit = { maxLength: 255, source: 'Mastercard username/name ≤ 255 (seeds 001/002)' };

export const INPUT_MAX_LENGTHS: Readonly<Record<string, InputLimit>> = {
  'Query.customers(search:)': SEARCH_LIMIT,
  'Query.institutions(search:)': SEARCH_LIMIT,
  'Query.certifiedInstitutions(search:)': SEARCH_LIMIT,
  'CreateCustomerInput.username': { maxLength: 255, source: 'Mastercard username 6–255 characters (seeds 001/002)' },
  'BusinessInput.name': { maxLength: 150, source: 'Mastercard US NewBusiness.name (openbanking-us.yaml)' },
  'BusinessInput.type': { maxLength: 150, source: 'Mastercard US NewBusiness.type (openbanking-us.yaml)' },
  'BusinessInput.url': { maxLength: 2000, source: 'Mastercard US NewBusiness.url (openbanking-us.yaml)' },
  'BusinessInput.taxId': { maxLength: 15, source: 'Mastercard US NewBusiness.taxId (openbanking-us.yaml)' },
  'GenerateReportInput.callbackUrl': URL_LIMIT,
  'GenerateVoiReportInput.callbackUrl': URL_LIMIT,
  'GenerateCashFlowReportInput.callbackUrl': URL_LIMIT,
  'GenerateConnectUrlInput.redirectUri': URL_LIMIT,
  'GenerateConnectUrlInput.webhook': URL_LIMIT,
  'CreatePaymentRequestInput.successUrl': URL_LIMIT,
  'CreatePaymentRequestInput.failureUrl': URL_LIMIT,
  'CreatePaymentRequestInput.notifyUrl': URL_LIMIT,
  // Logos as base64 (seed 002, Applications, "{{base64AppLogo}}"); within the 1 MiB request body limit.
  'RegisterApplicationInput.image': { maxLength: 400_000, source: 'sane: a ~300 KB logo in base64, inside the 1 MiB body limit' },
  'RegisterApplicationInput.copyrightLogo': { maxLength: 400_000, source: 'sane: a ~300 KB logo in base64, inside the 1 MiB body limit' },
  'RegisterApplicationInput.appUrl': URL_LIMIT,
  'RegisterApplicationInput.policyUrl': URL_LIMIT,
};

/** The limit for a value at `coordinate` of a scalar named `scalar` (`ID`, `String`, a custom string scalar). */
export function maxLengthOf(coordinate: string, scalar: string): number {
  return INPUT_MAX_LENGTHS[coordinate]?.maxLength ?? (scalar === 'ID' ? ID_MAX_LENGTH : DEFAULT_STRING_MAX_LENGTH);
}
