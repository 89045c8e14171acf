import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { GatewayError } from '../domain/errors.js';
import { wrapFieldResolvers } from '../graphql/wrap-field-resolvers.js';
import type { Caller, Scope } from './caller.js';

/**
 * Scopes a field needs (issue 11, item 2), by `Type.field`; a rule on an interface field applies
 * to every implementation. Every Query field needs `read` and every Mutation field `write` unless
 * listed here — so a new root field is covered the moment it exists (a test walks them all).
 */
const FIELD_RULES: Readonly<Record<string, readonly Scope[]>> = {
  // Full account numbers and account holders' names.
  'Account.paymentDetails': ['read', 'sensitive'],
  'Account.owners': ['read', 'sensitive'],
  // Lending reports: generating one costs money and reads a consumer's finances.
  'Query.report': ['reports'],
  'Customer.reports': ['reports'],
  'Consumer.reports': ['reports'],
  'Report.rawProviderJson': ['reports'],
  'Mutation.generateVoaReport': ['reports'],
  'Mutation.generateVoiReport': ['reports'],
  'Mutation.generateCashFlowReport': ['reports'],
  // The SSN is an argument of these.
  'Mutation.createConsumer': ['write', 'sensitive'],
  'Mutation.updateConsumer': ['write', 'sensitive'],
  // BI: transactions across customers and providers; GET /export/transactions checks the same scope.
  'Query.transactions': ['read'],
  // The BI change feed: a read, though it may refresh the store from the providers (README "For BI").
  'Query.transactionsSync': ['read'],
  // Connect: a dashboard link acts for the customer; a session's status is also checked per caller.
  'Mutation.generateConnectDashboardUrl': ['write'],
  'Query.connectSession': ['read'],
  // Outbound webhooks (issue 14, item 6): where the gateway sends its events, and their secrets.
  'Mutation.createWebhookEndpoint': ['operator'],
  'Mutation.deleteWebhookEndpoint': ['operator'],
  'Query.webhookEndpoints': ['operator'],
  'Query.webhookEndpoint': ['operator'],
  // Administration: who may act for a customer at the provider.
  'Mutation.linkUserToCustomer': ['operator'],
  // OBP customer extras (seed 004). createCustomer's input.obp.userId links a user too: the resolver
  // asks for `operator` when it is given (a rule here cannot look at one input field).
  'Mutation.addSocialMediaHandle': ['write'],
  'Query.myCustomers': ['read'],
  // Consent notifications (issue 14): the provider's webhook subscriptions and the deletion records.
  'Query.consentNotificationSubscriptions': ['operator'],
  'Query.consentNotificationSubscription': ['operator'],
  'Mutation.createConsentNotificationSubscription': ['operator'],
  'Mutation.changeConsentNotificationSubscriptionUrl': ['operator'],
  'Mutation.deleteConsentNotificationSubscription': ['operator'],
  'Query.deletionRecords': ['operator'],
  // The partner's own registration with the provider (seed 002, Applications).
  'Mutation.registerApplication': ['operator'],
  'Query.application': ['operator'],
};

const ROOT_DEFAULTS: Readonly<Record<string, readonly Scope[]>> = { Query: ['read'], Mutation: ['write'] };

/** The scopes `type.field` needs; empty = any authenticated caller. */
export function requiredScopes(schema: GraphQLSchema, typeName: string, fieldName: string): readonly Scope[] {
  const own = FIELD_RULES[`${typeName}.${fieldName}`];
  if (own) return own;
  const type = schema.getType(typeName);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const iface of type.getInterfaces()) {
      const inherited = FIELD_RULES[`${iface.name}.${fieldName}`];
      if (inherited) return inherited;
    }
  }
  return ROOT_DEFAULTS[typeName] ?? [];
}

export function missingScopes(caller: Caller, required: readonly Scope[]): Scope[] {
  return required.filter((scope) => !caller.scopes.has(scope));
}

const guarded = new WeakSet<GraphQLSchema>();

/**
 * Wraps the resolver of every field that needs scopes with a check of `context.caller`: a missing
 * scope is FORBIDDEN at that field (null there, the rest of the answer intact). Idempotent; the
 * rules are static, so one schema object serves every server in the process.
 */
export function guardFieldsByScope(schema: GraphQLSchema): GraphQLSchema {
  return wrapFieldResolvers(schema, guarded, (resolve, type, fieldName) => {
    const required = requiredScopes(schema, type.name, fieldName);
    if (required.length === 0) return undefined;
    const coordinate = `${type.name}.${fieldName}`;
    return (source, args, context: { caller?: Caller }, info) => {
      const missing = context.caller ? missingScopes(context.caller, required) : required;
      if (missing.length > 0) {
        throw new GatewayError('FORBIDDEN', `${coordinate} needs the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which this caller lacks`);
      }
      return resolve(source, args, context, info);
    };
  });
}
