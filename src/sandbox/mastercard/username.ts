/**
 * Username policy, identical in both regions: unique, 6–255 characters of letters, digits and
 * `! @ . # $ % & * _ - +` (seed 000 and seed 001, Customers "Tip"). Letters are ASCII: the docs
 * warn that characters such as `í` or `ü` may fail, and the sandbox makes that a certain failure.
 */
const USERNAME_PATTERN = /^[A-Za-z0-9!@.#$%&*_\-+]{6,255}$/;

export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username);
}
