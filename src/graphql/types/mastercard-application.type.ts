import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { APPLICATION_STATUSES, type ApplicationStatus as ApplicationStatusModel } from '../../domain/applications.port.js';
import { enumOf, ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

export const ApplicationStatusEnum = enumOf<ApplicationStatusModel>(APPLICATION_STATUSES);
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: 'Registration status of an application with the provider; OTHER keeps the raw value in providerStatus',
});

const REQUIRED_BY_MODEL =
  'Required fields depend on MASTERCARD_AU_ACCESS_MODEL (seed 002): OSP appName, legalEntityName, policyUrl, dataComplaintsEmailAddress, softwareId, orgId, copyrightLogo, businessName, fromEmail, image (may add appDescription, appUrl, replyToEmail); CDR_REPRESENTATIVE appName, appDescription, appUrl, image; BCDC appName, appDescription, appUrl, image, disclosureType, policyUrl, dataComplaintsEmailAddress. A missing field, or one the model does not take, is BAD_USER_INPUT before any call';

@InputType({ description: `An application to register with the provider (APPLICATIONS). ${REQUIRED_BY_MODEL}` })
export class RegisterApplicationInput {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { nullable: true, description: 'Application name (CDR representatives: the legal name of the organisation)' })
  appName?: string | null;

  @Field(() => String, { nullable: true })
  appDescription?: string | null;

  @Field(() => String, { nullable: true, description: 'The application website, absolute http(s) URL' })
  appUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'The application logo: image bytes in base64' })
  image?: string | null;

  @Field(() => String, { nullable: true })
  legalEntityName?: string | null;

  @Field(() => String, { nullable: true, description: 'Privacy / data handling policy, absolute http(s) URL' })
  policyUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Where customers send data complaints' })
  dataComplaintsEmailAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Logo for emails: image bytes in base64' })
  copyrightLogo?: string | null;

  @Field(() => String, { nullable: true, description: 'Business name shown in emails' })
  businessName?: string | null;

  @Field(() => String, { nullable: true })
  fromEmail?: string | null;

  @Field(() => String, { nullable: true })
  replyToEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'CDR Register organisation id (OSP)' })
  orgId?: string | null;

  @Field(() => String, { nullable: true, description: 'CDR Register software product id (OSP)' })
  softwareId?: string | null;

  @Field(() => String, { nullable: true, description: 'BCDC disclosure type' })
  disclosureType?: string | null;
}

@ObjectType({ description: 'An application registered with a provider; active customers are created for one (CreateCustomerInput.mastercardAu.applicationId)' })
export class ApplicationRegistration {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's application id" })
  applicationId!: string;

  @Field(() => ApplicationStatusEnum)
  status!: string;

  @Field(() => String, { description: "The provider's own status value (Pending, A, P …)" })
  providerStatus!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  modifiedAt!: Date | null;
}
