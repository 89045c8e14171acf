import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveAccount } from './accounts.routes.js';
import { accountTypeNotSupported, invalidParameter } from './errors.js';
import { parseOptionalInt } from './paging.js';
import { lastAggregation } from './serializers.js';
import { checkAggregated, type SimContext } from './sim-context.js';
import type { SimAccount, SimAccountType } from './store.js';

/** Balance products support deposit accounts only (seed 002, Get Available Balance; au-reference-app-extract.json). */
const BALANCE_TYPES: Record<'US' | 'AU', SimAccountType[]> = {
  US: ['checking', 'savings', 'moneyMarket', 'cd'],
  AU: ['transactionAndSavings', 'cd'],
};

export function registerPaymentRoutes(app: FastifyInstance, ctx: SimContext): void {
  const region = ctx.profile.region;

  const readyAccount = (request: FastifyRequest, reply: FastifyReply): SimAccount | undefined => {
    const resolved = resolveAccount(ctx, request, reply);
    if (!resolved) return undefined;
    if (!checkAggregated(ctx, reply, resolved.account)) return undefined;
    return resolved.account;
  };

  app.get('/aggregation/v3/customers/:customerId/accounts/:accountId/details', async (request, reply) => {
    const account = readyAccount(request, reply);
    if (!account) return reply;
    if (region === 'AU') {
      // Transaction & Savings only (au-reference-app-extract.json "Money transfer details").
      if (account.type !== 'transactionAndSavings' || !account.bsb) return accountTypeNotSupported(reply);
      // Key: singular `paymentInstruction`. The docs page shows `paymentInstructions`, but that page is
      // a hand-written fragment (not even valid JSON), while Mastercard's own AU reference app reads
      // `paymentInstruction[0]` from the live API and the shared platform's schema uses the singular
      // (au-notes.md, Money-transfer details; openbanking-us.yaml GetAccountPaymentInstructionDetails).
      return {
        paymentInstruction: [
          {
            type: 'moneyTransfer',
            accountNumber: account.realAccountNumber,
            descriptors: [{ type: 'bsbNumber', value: account.bsb }],
          },
        ],
      };
    }
    if (!account.routingNumber) return accountTypeNotSupported(reply);
    return {
      paymentInstruction: [
        {
          type: 'ach',
          accountNumber: account.realAccountNumber,
          tanEnabled: false,
          descriptors: [{ type: 'routingNumber', value: account.routingNumber }],
        },
      ],
    };
  });

  if (region === 'US') {
    // GetAccountACHDetails (openbanking-us.yaml): `{routingNumber, realAccountNumber}`.
    app.get('/aggregation/v1/customers/:customerId/accounts/:accountId/details', async (request, reply) => {
      const account = readyAccount(request, reply);
      if (!account) return reply;
      if (!account.routingNumber) return accountTypeNotSupported(reply);
      return { routingNumber: account.routingNumber, realAccountNumber: account.realAccountNumber };
    });
  }

  app.get('/aggregation/v3/customers/:customerId/accounts/:accountId/owner', async (request, reply) => {
    const resolved = resolveAccount(ctx, request, reply);
    if (!resolved || !checkAggregated(ctx, reply, resolved.account)) return reply;
    const { customer } = resolved;
    const address = customer.address;
    const business = customer.category === 'BUSINESS';
    const ownerName = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.username;
    return {
      holders: [
        {
          relationship: business ? 'BUSINESS' : 'PRIMARY',
          ownerName,
          firstName: business ? undefined : customer.firstName,
          lastName: business ? undefined : customer.lastName,
          nameClassification: business ? 'business' : 'person',
          addresses: address
            ? [
                {
                  ownerAddress: `${address.line1} ${address.city} ${address.state} ${address.postalCode}`,
                  type: business ? 'Business' : 'Home',
                  line1: address.line1,
                  city: address.city,
                  state: address.state,
                  postalCode: address.postalCode,
                  country: address.country,
                },
              ]
            : [],
          emails: customer.email ? [{ isPrimary: true, email: customer.email, emailType: business ? 'Business' : 'Personal' }] : [],
          phones: customer.phone ? [{ type: 'MOBILE', country: region === 'AU' ? '61' : '1', phone: customer.phone }] : [],
        },
      ],
    };
  });

  const balance = (live: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const account = readyAccount(request, reply);
    if (!account) return reply;
    if (live) {
      const interval = parseOptionalInt((request.query as Record<string, string | undefined>).balance_cache_interval, 30);
      // balance_cache_interval: minutes, 0..1440 (openbanking-us.yaml GetAvailableBalanceLive)
      if (interval === undefined || interval < 0 || interval > 1440) return invalidParameter(reply, 'balance_cache_interval');
    }
    if (!BALANCE_TYPES[region].includes(account.type)) return accountTypeNotSupported(reply);
    // Cached: as of the last ~4-hourly aggregation (seed 002, FAQs); live: fetched from the FI now.
    const asOf = live ? ctx.nowSeconds() : (lastAggregation(ctx, account) ?? account.createdDate);
    const available = account.type === 'cd' ? 0 : account.balance;
    return {
      id: Number(account.id),
      realAccountNumberLast4: account.realAccountNumber.slice(-4),
      availableBalance: available,
      availableBalanceDate: asOf,
      clearedBalance: Math.round(account.balance * account.clearedRatio * 100) / 100,
      clearedBalanceDate: asOf,
      aggregationStatusCode: 0,
      currency: account.currency,
    };
  };
  app.get('/aggregation/v1/customers/:customerId/accounts/:accountId/availableBalance', balance(false));
  // Billable on every call (seed 002, Get Available Balance - Live); stats count it per route.
  app.get('/aggregation/v1/customers/:customerId/accounts/:accountId/availableBalance/live', balance(true));
}
