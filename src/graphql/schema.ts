import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { useProviderKeys } from './enums.js';
import { AccountResolver } from './resolvers/account.resolver.js';
import { AccountAggregationResolver } from './resolvers/account-aggregation.resolver.js';
import { CaiboCustomerFieldsResolver } from './resolvers/caibo-customer-fields.resolver.js';
import { PaymentRequestResolver, PaymentRequestTransactionFieldsResolver } from './resolvers/caibo-payment-request.resolver.js';
import { BankCrmEventsResolver, CustomerExtrasResolver } from './resolvers/customer-extras.resolver.js';
import { CustomerResolver } from './resolvers/customer.resolver.js';
import { MastercardAccountFieldsResolver } from './resolvers/mastercard-account-fields.resolver.js';
import { ConnectResolver } from './resolvers/mastercard-connect.resolver.js';
import { ConsentNotificationsResolver } from './resolvers/consent-notifications.resolver.js';
import { ApplicationResolver } from './resolvers/mastercard-application.resolver.js';
import { ConsentResolver, MastercardCustomerFieldsResolver } from './resolvers/mastercard-consent.resolver.js';
import { InstitutionResolver } from './resolvers/mastercard-institution.resolver.js';
import { BusinessResolver } from './resolvers/lending-business.resolver.js';
import { ConsumerResolver } from './resolvers/lending-consumer.resolver.js';
import { LendingConsumerFieldsResolver, LendingCustomerFieldsResolver } from './resolvers/lending-customer-fields.resolver.js';
import { CashFlowReportResolver, ReportResolver, VoaReportResolver, VoiReportResolver } from './resolvers/lending-report.resolver.js';
import { NodeResolver } from './resolvers/node.resolver.js';
import { ReportPdfFieldsResolver } from './resolvers/report-pdf.resolver.js';
import { BankResolver, UserCustomerLinkResolver } from './resolvers/obp-bank.resolver.js';
import { ObpAccountFieldsResolver, ObpCustomerFieldsResolver, ObpTransactionFieldsResolver } from './resolvers/obp-fields.resolver.js';
import { ProviderResolver } from './resolvers/provider.resolver.js';
import { TransactionResolver } from './resolvers/transaction.resolver.js';
import { TransactionSearchResolver } from './resolvers/transactions-search.resolver.js';
import { TransactionsSyncResolver } from './resolvers/transactions-sync.resolver.js';
import { WebhookEndpointResolver } from './resolvers/webhook-endpoint.resolver.js';

export const RESOLVERS = [
  NodeResolver,
  InstitutionResolver,
  ConsentResolver,
  ConsentNotificationsResolver,
  ConnectResolver,
  WebhookEndpointResolver,
  ApplicationResolver,
  MastercardCustomerFieldsResolver,
  MastercardAccountFieldsResolver,
  CustomerResolver,
  AccountResolver,
  AccountAggregationResolver,
  TransactionResolver,
  TransactionSearchResolver,
  TransactionsSyncResolver,
  ProviderResolver,
  CaiboCustomerFieldsResolver,
  PaymentRequestResolver,
  PaymentRequestTransactionFieldsResolver,
  BankResolver,
  UserCustomerLinkResolver,
  ObpCustomerFieldsResolver,
  ObpAccountFieldsResolver,
  ObpTransactionFieldsResolver,
  CustomerExtrasResolver,
  BankCrmEventsResolver,
  ConsumerResolver,
  BusinessResolver,
  LendingCustomerFieldsResolver,
  LendingConsumerFieldsResolver,
  ReportResolver,
  VoaReportResolver,
  VoiReportResolver,
  CashFlowReportResolver,
  ReportPdfFieldsResolver,
] as const;

const built = new Map<string, GraphQLSchema>();

/**
 * The unified schema for the given provider keys (the `Provider` enum), built once per key list
 * and process (type-graphql metadata is global). Synchronous, so the enum values set just before
 * are the ones this build reads.
 */
export function buildGatewaySchema(providerKeys: readonly string[]): GraphQLSchema {
  const id = providerKeys.join(',');
  let schema = built.get(id);
  if (!schema) {
    useProviderKeys(providerKeys);
    schema = buildSchemaSync({
      resolvers: [...RESOLVERS],
      // Input rules live in the domain and adapters (they differ per provider), not in class-validator.
      validate: false,
    });
    built.set(id, schema);
  }
  return schema;
}
