/**
 * Tests that need Redis read REDIS_URL. Locally they skip without it; under CI=true a missing
 * REDIS_URL is a failure, so a green CI run always means the Redis paths really ran.
 */
export function redisUrlOrSkip(): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('REDIS_URL is not set, and CI=true requires the Redis tests to run');
  }
  return url;
}
