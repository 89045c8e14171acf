import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ConnectKind, ConnectUrl as ConnectUrlModel } from '../../domain/connect.port.js';
import { checkInstitutionSettings, checkWebhookData, checkWebhookHeaders } from '../../domain/connect-options.js';
import { GatewayError } from '../../domain/errors.js';
import { decodeGlobalId } from '../../domain/global-id.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { ConnectDashboardUrl, ConnectSession, ConnectUrl, GenerateConnectUrlInput } from '../types/mastercard-connect.type.js';
import { given } from '../input-values.js';

@Resolver()
export class ConnectResolver {
  @Mutation(() => ConnectUrl, {
    nullable: true,
    description: 'A Connect link where the customer signs in at their institution and consents (providers with the CONNECT_URL capability)',
  })
  generateConnectUrl(@Arg('input', () => GenerateConnectUrlInput) input: GenerateConnectUrlInput, @Ctx() context: GatewayContext): Promise<ConnectUrlModel> {
    const customer = decodeGlobalId(input.customerId, 'Customer', 'input.customerId');
    // The custom options are checked before the provider is even looked up: a bad one costs no call.
    const request = {
      kind: (input.kind ?? 'FULL') as ConnectKind,
      institutionId: given(input.institutionId)?.trim() ?? null,
      redirectUri: given(input.redirectUri)?.trim() ?? null,
      webhook: given(input.webhook)?.trim() ?? null,
      experience: given(input.experience)?.trim() ?? null,
      institutionSettings: checkInstitutionSettings(input.institutionSettings ?? null, 'input.institutionSettings'),
      webhookData: checkWebhookData(input.webhookData, 'input.webhookData'),
      webhookHeaders: checkWebhookHeaders(input.webhookHeaders ?? null, 'input.webhookHeaders'),
      singleUseUrl: input.singleUseUrl ?? null,
      requestedBy: context.caller.id,
    };
    return requirePort(context.registry.adapter(customer.provider), 'connect', 'Connect URLs').generateUrl(customer, request);
  }

  @Mutation(() => ConnectDashboardUrl, {
    nullable: true,
    description: 'A Connect Dashboard link where the customer reviews their active and past consents and revokes them (Mastercard AU; CDR asks for one)',
  })
  async generateConnectDashboardUrl(@Arg('customerId', () => ID) customerId: string, @Ctx() context: GatewayContext): Promise<ConnectDashboardUrl> {
    const customer = decodeGlobalId(customerId, 'Customer', 'customerId');
    const connect = requirePort(context.registry.adapter(customer.provider), 'connect', 'Connect URLs');
    if (!connect.generateDashboardUrl) throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${customer.provider} has no Connect Dashboard`, { provider: customer.provider });
    return connect.generateDashboardUrl(customer);
  }

  @Query(() => ConnectSession, {
    nullable: true,
    description:
      "The customer's latest Connect session as the gateway's webhook receiver heard it; null when the gateway generated no link with its own receiver for them. Readable by the caller who generated the link, or an operator",
  })
  async connectSession(@Arg('customerId', () => ID) customerId: string, @Ctx() context: GatewayContext): Promise<ConnectSession | null> {
    const customer = decodeGlobalId(customerId, 'Customer', 'customerId');
    const connect = requirePort(context.registry.adapter(customer.provider), 'connect', 'Connect URLs');
    const status = await connect.session?.(customer);
    if (!status) return null;
    if (status.requestedBy !== context.caller.id && !context.caller.scopes.has('operator')) {
      throw new GatewayError('FORBIDDEN', 'This Connect session was started by another caller; an operator may read it', { field: 'customerId' });
    }
    return { ...status, accountIds: [...status.accountIds], updatedAt: new Date(status.updatedAtMs) };
  }
}
