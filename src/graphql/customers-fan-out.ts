import { GatewayError } from '../domain/errors.js';
import type { Customer, CustomerSearch, Page } from '../domain/model.js';
import { requirePort, type ProviderAdapter } from '../domain/ports.js';
import type { ProviderKey } from '../domain/provider.js';
import type { GatewayContext } from './context.js';
import { decodeCursor, encodeCursor, pageRequestOf } from './cursor.js';
import { providerErrorOf } from './types/provider-error.type.js';
import type { CustomerConnection } from './types/customer.type.js';

export interface CustomersArgs {
  provider: ProviderKey | null;
  search: CustomerSearch;
  first: number | null;
  after: string | null;
}

function asGatewayError(error: unknown, provider: ProviderKey): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError('INTERNAL', `${provider} failed unexpectedly`, { provider, cause: error });
}

/**
 * `customers`: one provider, or every enabled provider that can list customers, merged in
 * PROVIDER_KEYS order. Each edge's cursor names its provider and offset, so the next page resumes
 * inside the right provider. A failing provider is reported (providerErrors + `errors`) and the
 * others still answer: partial results, never all-or-nothing.
 */
export async function listCustomers(context: GatewayContext, args: CustomersArgs): Promise<CustomerConnection> {
  const { limit } = pageRequestOf(args.first, null);
  const resume = args.after ? decodeCursor(args.after) : null;
  let providers: ProviderAdapter[];
  let unlisted: ProviderAdapter[] = [];
  if (args.provider) {
    const adapter = context.registry.adapter(args.provider);
    requirePort(adapter, 'customerList', 'listing customers');
    providers = [adapter];
  } else {
    // Providers without a list endpoint (Caibo) cannot take part: each is named in providerErrors
    // (UNSUPPORTED_BY_PROVIDER) on every page, so a caller can tell who is left out (issue 16, row 5).
    providers = context.registry.enabled().filter((adapter) => adapter.customerList !== undefined);
    unlisted = context.registry.enabled().filter((adapter) => adapter.customerList === undefined);
  }
  const listed = providers.length;
  if (resume?.provider) {
    const index = providers.findIndex((adapter) => adapter.key === resume.provider);
    if (index < 0) throw new GatewayError('BAD_USER_INPUT', 'after is a cursor from another customers list', { field: 'after' });
    providers = providers.slice(index);
  }

  const answers = await Promise.all(
    providers.map(async (adapter, index) => {
      const offset = index === 0 && resume ? resume.offset + 1 : 0;
      try {
        // One more than needed tells whether the merged list continues past this page.
        const page = await adapter.customerList!.list(args.search, { offset, limit: limit + 1 });
        return { adapter, page, error: null };
      } catch (error) {
        if (args.provider) throw error;
        return { adapter, page: null, error: asGatewayError(error, adapter.key) };
      }
    }),
  );

  const edges: CustomerConnection['edges'] = [];
  let hasNextPage = false;
  const customers: Customer[] = [];
  for (const { adapter, page } of answers) {
    if (!page) continue;
    for (const [index, customer] of page.items.entries()) {
      if (edges.length === limit) {
        hasNextPage = true;
        break;
      }
      edges.push({ cursor: encodeCursor(page.offset + index, adapter.key), node: customer as never });
      customers.push(customer);
    }
    if (edges.length === limit && (page.hasMore || page.items.length > limit)) hasNextPage = true;
  }
  context.loaders.primeCustomers(customers);

  const failures = answers.flatMap(({ adapter, error }) => {
    if (!error) return [];
    context.partialErrors.push({ error, path: ['customers'] });
    return [{ adapter, error }];
  });
  // A provider that cannot list is no failure of this request: providerErrors only, not `errors`.
  const unsupported = unlisted.map((adapter) => ({
    adapter,
    error: new GatewayError('UNSUPPORTED_BY_PROVIDER', `${adapter.key} has no customer list, so its customers are not in this list (read them by id)`, {
      provider: adapter.key,
    }),
  }));
  const order = context.registry.enabled().map((adapter) => adapter.key);
  const providerErrors = [...failures, ...unsupported]
    .sort((a, b) => order.indexOf(a.adapter.key) - order.indexOf(b.adapter.key))
    .map(({ adapter, error }) => providerErrorOf({ provider: adapter.key, error }));
  const totals = answers.map(({ page }) => (page as Page<Customer> | null)?.totalCount ?? null);
  // A resumed fan-out skips providers before the cursor's, so their totals are unknown here.
  // totalCount counts the customers of the providers that take part (not the unsupported ones).
  const exact = providers.length === listed;
  const totalCount = exact && failures.length === 0 && totals.every((total) => total !== null)
    ? totals.reduce<number>((sum, total) => sum + (total ?? 0), 0)
    : null;

  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: resume !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
    providerErrors,
  };
}
