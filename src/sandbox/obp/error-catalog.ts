/**
 * The OBP error constants this simulator answers with, copied verbatim (text, trailing spaces and
 * all) from `obp-error-messages.json` (ErrorMessages.scala @ 91e4e2b3). `httpStatus` is
 * ErrorMessages.errorToCode's value unless a comment says the handler overrides it.
 */
export interface ObpErrorDefinition {
  readonly code: string;
  readonly message: string;
  readonly httpStatus: number;
}

const define = (code: string, message: string, httpStatus: number): ObpErrorDefinition => ({
  code,
  message,
  httpStatus,
});

export const OBP_ERRORS = {
  InvalidJsonFormat: define('OBP-10001', 'OBP-10001: Incorrect json format.', 400),
  InvalidDateFormat: define('OBP-10005', 'OBP-10005: Invalid Date Format. Could not convert value to a Date.', 400),
  // errorToCode leaves OBP-10404 unmapped (400), but OBP answers an unknown URI with HTTP 404; we do too.
  InvalidUri: define(
    'OBP-10404',
    'OBP-10404: 404 Not Found. The server could not find the requested URI. Please double check your URL, headers and body. ',
    404,
  ),
  FilterSortDirectionError: define(
    'OBP-10023',
    'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!',
    400,
  ),
  FilterOffersetError: define(
    'OBP-10024',
    'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!',
    400,
  ),
  FilterLimitError: define(
    'OBP-10025',
    'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
    400,
  ),
  // The source interpolates ${DateWithMsFormat.toPattern}; at run time that is the pattern below
  // (obp-resource-docs-extract.json meta.pagination: yyyy-MM-dd'T'HH:mm:ss.SSS'Z').
  FilterDateFormatError: define(
    'OBP-10026',
    "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
    400,
  ),
  UserNotLoggedIn: define('OBP-20001', 'OBP-20001: User not logged in. Authentication is required!', 401),
  DirectLoginMissingParameters: define('OBP-20002', 'OBP-20002: These DirectLogin parameters are missing:', 400),
  DirectLoginInvalidToken: define('OBP-20003', 'OBP-20003: This DirectLogin token is invalid or expired:', 401),
  InvalidLoginCredentials: define(
    'OBP-20004',
    'OBP-20004: Invalid login credentials. Check username/password.',
    401,
  ),
  UserNotFoundById: define('OBP-20005', 'OBP-20005: User not found. Please specify a valid value for USER_ID.', 404),
  UserHasMissingRoles: define('OBP-20006', 'OBP-20006: User is missing one or more roles: ', 403),
  InvalidConsumerKey: define('OBP-20008', 'OBP-20008: Invalid Consumer Key.', 401),
  InvalidValueLength: define('OBP-20010', 'OBP-20010: Value too long', 400),
  InvalidValueCharacters: define('OBP-20011', 'OBP-20011: Value contains invalid characters', 400),
  UserNoPermissionAccessView: define(
    'OBP-20017',
    'OBP-20017: Current user does not have access to the view. Please specify a valid value for VIEW_ID.',
    403,
  ),
  UserNoOwnerView: define('OBP-20019', 'OBP-20019: User does not have access to owner view. ', 400),
  MissingDirectLoginHeader: define('OBP-20082', 'OBP-20082: Missing DirectLogin or Authorization header.', 400),
  InvalidDirectLoginHeader: define(
    'OBP-20083',
    'OBP-20083: Missing DirectLogin word at the value of Authorization header.',
    400,
  ),
  BankNotFound: define('OBP-30001', 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.', 404),
  CustomerNotFound: define(
    'OBP-30002',
    'OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.',
    404,
  ),
  ViewNotFound: define(
    'OBP-30005',
    'OBP-30005: View not found for Account. Please specify a valid value for VIEW_ID',
    400,
  ),
  CustomerNumberAlreadyExists: define(
    'OBP-30006',
    'OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.',
    400,
  ),
  CustomerAlreadyExistsForUser: define(
    'OBP-30007',
    'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID',
    400,
  ),
  BankAccountNotFound: define(
    'OBP-30018',
    'OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID. ',
    404,
  ),
  CreateUserCustomerLinksError: define('OBP-30025', 'OBP-30025: Could not create user_customer_links ', 400),
  CustomerNotFoundByCustomerId: define(
    'OBP-30046',
    'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.',
    404,
  ),
  CannotFindAccountAccess: define('OBP-30065', 'OBP-30065: Cannot find account access.', 400),
  TransactionNotFound: define(
    'OBP-30067',
    'OBP-30067: Transaction not found. Please specify a valid value for TRANSACTION_ID.',
    400,
  ),
  InvalidBankIdFormat: define(
    'OBP-30111',
    "OBP-30111: Invalid Bank Id. The BANK_ID should only contain 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255.",
    400,
  ),
  InvalidCustomerBankId: define('OBP-30113', 'OBP-30113: Invalid Bank Id. The Customer does not belong to this Bank', 400),
  // errorToCode gives 400; we answer 500 because in the sandbox it only ever means a simulator bug,
  // and a 400 would make the gateway blame its caller.
  UnknownError: define('OBP-50000', 'OBP-50000: Unknown Error.', 500),
} as const satisfies Record<string, ObpErrorDefinition>;

export type ObpErrorName = keyof typeof OBP_ERRORS;
