import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Bank as BankModel, UserCustomerLink as UserCustomerLinkModel } from '../../domain/banks.port.js';
import { ref } from '../../domain/global-id.js';
import type { Account as AccountModel, Customer as CustomerModel, Money as MoneyModel, Transaction as TransactionModel } from '../../domain/model.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { loadBank } from '../obp-banks.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { Account } from '../types/account.type.js';
import { Customer } from '../types/customer.type.js';
import { Money } from '../types/money.js';
import { AccountRouting, Bank, UserCustomerLink } from '../types/obp-bank.type.js';
import { Transaction } from '../types/transaction.type.js';

/** The OBP extension of an object, or null for other providers. */
function obp<D extends { provider: string }>(object: { details: D | null }): Extract<D, { provider: 'OBP' }> | null {
  return object.details?.provider === 'OBP' ? (object.details as Extract<D, { provider: 'OBP' }>) : null;
}

function bankOf(context: GatewayContext, details: { bankId: string } | null): Promise<BankModel | null> {
  return details === null ? Promise.resolve(null) : loadBank(context, ref('OBP', 'Bank', details.bankId));
}

/** Open Bank Project customer fields with no unified counterpart (CustomerJsonV310), from its typed `Customer.details`. */
@Resolver(() => Customer)
export class ObpCustomerFieldsResolver {
  @FieldResolver(() => Bank, { nullable: true, description: 'OBP: the bank the customer belongs to; null for other providers' })
  bank(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<BankModel | null> {
    return bankOf(context, obp(customer));
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: customer_number, unique at its bank; null for other providers' })
  customerNumber(@Root() customer: CustomerModel): string | null {
    return obp(customer)?.customerNumber ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'OBP: kyc_status, whether KYC checks passed; null for other providers' })
  kycStatus(@Root() customer: CustomerModel): boolean | null {
    return obp(customer)?.kycStatus ?? null;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'OBP: date_of_birth; null for other providers' })
  dateOfBirth(@Root() customer: CustomerModel): Date | null {
    return obp(customer)?.dateOfBirth ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: relationship_status (e.g. single, married); null for other providers' })
  relationshipStatus(@Root() customer: CustomerModel): string | null {
    return obp(customer)?.relationshipStatus ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'OBP: number of dependants; null for other providers' })
  dependants(@Root() customer: CustomerModel): number | null {
    return obp(customer)?.dependants ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: employment_status; null for other providers' })
  employmentStatus(@Root() customer: CustomerModel): string | null {
    return obp(customer)?.employmentStatus ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: highest_education_attained; null for other providers' })
  highestEducationAttained(@Root() customer: CustomerModel): string | null {
    return obp(customer)?.highestEducationAttained ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: title (Mr., Dr. …); null for other providers' })
  title(@Root() customer: CustomerModel): string | null {
    return obp(customer)?.title ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: branch_id of the home branch; null for other providers' })
  branchId(@Root() customer: CustomerModel): string | null {
    return obp(customer)?.branchId ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'OBP: last_ok_date, when the customer was last checked; null for other providers' })
  lastOkDate(@Root() customer: CustomerModel): Date | null {
    return obp(customer)?.lastOkDate ?? null;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'OBP: credit_limit; null for other providers' })
  creditLimit(@Root() customer: CustomerModel): MoneyModel | null {
    return obp(customer)?.creditLimit ?? null;
  }

  @FieldResolver(() => [UserCustomerLink], {
    nullable: true,
    description: 'OBP: the users linked to this customer (user-customer links; needs CanGetUserCustomerLink); null for other providers',
  })
  userLinks(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<UserCustomerLinkModel[] | null> {
    if (customer.provider !== 'OBP') return Promise.resolve(null);
    return requirePort(context.registry.adapter(customer.provider), 'userCustomerLinks', 'user-customer links').listForCustomer(customer.ref);
  }
}

@Resolver(() => Account)
export class ObpAccountFieldsResolver {
  @FieldResolver(() => Bank, { nullable: true, description: 'OBP: the bank holding the account; null for other providers' })
  bank(@Root() account: AccountModel, @Ctx() context: GatewayContext): Promise<BankModel | null> {
    return bankOf(context, obp(account));
  }

  @FieldResolver(() => [AccountRouting], {
    nullable: true,
    description: 'OBP: account_routings (IBAN, AccountNumber …) read through the owner view, addresses masked; null for other providers',
  })
  accountRoutings(@Root() account: AccountModel): AccountRouting[] | null {
    return obp(account)?.accountRoutings.map((routing) => ({ ...routing })) ?? null;
  }
}

@Resolver(() => Transaction)
export class ObpTransactionFieldsResolver {
  @FieldResolver(() => Money, { nullable: true, description: "OBP: details.new_balance, the account's balance after this transaction; null for other providers" })
  newBalance(@Root() transaction: TransactionModel): MoneyModel | null {
    return obp(transaction)?.newBalance ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'OBP: details.type (e.g. DEBIT_CARD, TRANSFER); null for other providers' })
  transactionType(@Root() transaction: TransactionModel): string | null {
    return obp(transaction)?.type ?? null;
  }
}
