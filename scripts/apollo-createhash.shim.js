// The bundle's @apollo/utils.createhash (scripts/build.ts says why): Node's own crypto, as unbundled.
import { createHash as nodeCreateHash } from 'node:crypto';

export const createHash = (kind) => nodeCreateHash(kind);
