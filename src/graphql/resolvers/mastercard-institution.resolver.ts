import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Institution as InstitutionModel, InstitutionProduct } from '../../domain/institutions.port.js';
import { requirePort } from '../../domain/ports.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayContext } from '../context.js';
import { toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { ProviderEnum } from '../enums.js';
import { Institution, InstitutionConnection, InstitutionProductEnum } from '../types/mastercard-institution.type.js';
import { loadExisting } from '../lookups.js';

@ArgsType()
class InstitutionsArgs {
  @Field(() => ProviderEnum, { description: 'Providers with the INSTITUTIONS capability (Mastercard AU)' })
  provider!: string;

  @Field(() => String, { nullable: true, description: 'Name to search for; the provider matches fuzzily' })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–1000, default 25' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
class SearchInstitutionsArgs extends InstitutionsArgs {
  @Field(() => InstitutionProductEnum, { nullable: true, description: 'Only institutions certified for this product' })
  product?: string | null;
}

@ArgsType()
class CertifiedInstitutionsArgs extends InstitutionsArgs {
  @Field(() => [InstitutionProductEnum], { description: 'Only institutions certified for every one of these' })
  products!: string[];
}

const searchOf = (search: string | null | undefined): string | null => (search && search.trim() !== '' ? search.trim() : null);

@Resolver(() => Institution)
export class InstitutionResolver {
  @FieldResolver(() => ID)
  id(@Root() institution: InstitutionModel): string {
    return encodeGlobalId(institution.ref);
  }

  @Query(() => InstitutionConnection, { nullable: true, description: 'Search the institutions a provider connects to' })
  async institutions(@Args(() => SearchInstitutionsArgs) args: SearchInstitutionsArgs, @Ctx() context: GatewayContext) {
    const port = requirePort(context.registry.adapter(args.provider as ProviderKey), 'institutions', 'institutions');
    const page = pageRequestOf(args.first, args.after);
    const products = args.product ? [args.product as InstitutionProduct] : [];
    return toConnection(await port.search({ search: searchOf(args.search), products }, page));
  }

  @Query(() => InstitutionConnection, { nullable: true, description: 'Institutions certified for the given products, with their certification' })
  async certifiedInstitutions(@Args(() => CertifiedInstitutionsArgs) args: CertifiedInstitutionsArgs, @Ctx() context: GatewayContext) {
    const port = requirePort(context.registry.adapter(args.provider as ProviderKey), 'institutions', 'institutions');
    const page = pageRequestOf(args.first, args.after);
    return toConnection(await port.certified({ search: searchOf(args.search), products: args.products as InstitutionProduct[] }, page));
  }

  @Query(() => Institution, { nullable: true, description: 'An institution by global ID; null with a NOT_FOUND error when unknown' })
  institution(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Institution'));
  }
}
