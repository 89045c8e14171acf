import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ApplicationInput, ApplicationRegistration as ApplicationModel } from '../../domain/applications.port.js';
import { GatewayError } from '../../domain/errors.js';
import { requirePort } from '../../domain/ports.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayContext } from '../context.js';
import { ProviderEnum } from '../enums.js';
import { ApplicationRegistration, RegisterApplicationInput } from '../types/mastercard-application.type.js';

/** Every field of the input but `provider`, null when not given (the adapter refuses blanks by name). */
function toApplicationInput(input: RegisterApplicationInput): ApplicationInput {
  const value = (text: string | null | undefined): string | null => (text === undefined ? null : text);
  return {
    appName: value(input.appName),
    appDescription: value(input.appDescription),
    appUrl: value(input.appUrl),
    image: value(input.image),
    legalEntityName: value(input.legalEntityName),
    policyUrl: value(input.policyUrl),
    dataComplaintsEmailAddress: value(input.dataComplaintsEmailAddress),
    copyrightLogo: value(input.copyrightLogo),
    businessName: value(input.businessName),
    fromEmail: value(input.fromEmail),
    replyToEmail: value(input.replyToEmail),
    orgId: value(input.orgId),
    softwareId: value(input.softwareId),
    disclosureType: value(input.disclosureType),
  };
}

/** Application registration (Mastercard AU, seed 002 "Applications"): operator-only (src/security/field-rules.ts). */
@Resolver()
export class ApplicationResolver {
  @Mutation(() => ApplicationRegistration, {
    nullable: true,
    description: 'Registers an application with the provider (APPLICATIONS; operator scope). Production customers need an approved one',
  })
  registerApplication(@Arg('input', () => RegisterApplicationInput) input: RegisterApplicationInput, @Ctx() context: GatewayContext): Promise<ApplicationModel> {
    const port = requirePort(context.registry.adapter(input.provider as ProviderKey), 'applications', 'application registration');
    return port.register(toApplicationInput(input));
  }

  @Query(() => ApplicationRegistration, {
    nullable: true,
    description: "An application's registration status (APPLICATIONS; operator scope); null with NOT_FOUND when the provider does not know it",
  })
  async application(
    @Arg('provider', () => ProviderEnum) provider: string,
    @Arg('applicationId', () => String) applicationId: string,
    @Ctx() context: GatewayContext,
  ): Promise<ApplicationModel> {
    const port = requirePort(context.registry.adapter(provider as ProviderKey), 'applications', 'application registration');
    const found = await port.status(applicationId);
    if (found === null) throw new GatewayError('NOT_FOUND', `${provider} knows no application with that id`, { provider: provider as ProviderKey });
    return found;
  }
}
