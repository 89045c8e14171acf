import { Field, ObjectType } from 'type-graphql';
import { CapabilityEnum, ProviderEnum } from '../enums.js';

@ObjectType({ description: 'A provider as this gateway instance is configured' })
export class ProviderStatus {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => Boolean, { description: 'Configured with credentials (or running on its sandbox simulator)' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'Served by the bundled sandbox simulator rather than the real provider' })
  sandbox!: boolean;

  @Field(() => [CapabilityEnum], { description: 'What the provider supports; anything else answers UNSUPPORTED_BY_PROVIDER' })
  capabilities!: string[];
}
