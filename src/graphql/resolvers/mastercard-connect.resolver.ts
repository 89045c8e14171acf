import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ConnectKind, ConnectUrl as ConnectUrlModel } from '../../domain/connect.port.js';
import { decodeGlobalId } from '../../domain/global-id.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { ConnectUrl, GenerateConnectUrlInput } from '../types/mastercard-connect.type.js';
import { given } from '../input-values.js';

@Resolver()
export class ConnectResolver {
  @Mutation(() => ConnectUrl, {
    nullable: true,
    description: 'A Connect link where the customer signs in at their institution and consents (providers with the CONNECT_URL capability)',
  })
  generateConnectUrl(@Arg('input', () => GenerateConnectUrlInput) input: GenerateConnectUrlInput, @Ctx() context: GatewayContext): Promise<ConnectUrlModel> {
    const customer = decodeGlobalId(input.customerId, 'Customer', 'input.customerId');
    return requirePort(context.registry.adapter(customer.provider), 'connect', 'Connect URLs').generateUrl(customer, {
      kind: (input.kind ?? 'FULL') as ConnectKind,
      institutionId: given(input.institutionId)?.trim() ?? null,
      redirectUri: given(input.redirectUri)?.trim() ?? null,
      webhook: given(input.webhook)?.trim() ?? null,
      experience: given(input.experience)?.trim() ?? null,
    });
  }
}
