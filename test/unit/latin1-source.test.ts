import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBeyondLatin1, escapeBeyondLatin1 } from '../../scripts/latin1-source.js';

/** Characters a character class (any flags), a quoted string and a template hold literally: no ASCII punctuation, no line breaks. */
const classCharacter = fc
  .oneof(
    fc.constantFrom(...'azAZ09 '.split('').map((character) => character.codePointAt(0) ?? 0x20)),
    fc.integer({ min: 0xa0, max: 0x2027 }),
    fc.integer({ min: 0x202a, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xfffd }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((codePoint) => String.fromCodePoint(codePoint));

const text = fc.array(classCharacter, { minLength: 1, maxLength: 8 }).map((characters) => characters.join(''));

/** A module whose behaviour a rewrite must keep: what its regular expressions match, its strings, its raw template. */
function moduleSource(characters: string, flags: string): string {
  return [
    `// ${characters} in a line comment`,
    `/* ${characters}`,
    ` * in a block comment */`,
    `const pattern = /^[${characters}]+$/${flags};`,
    `const literal = '${characters}';`,
    `const raw = String.raw\`${characters}\`;`,
    `return { pattern, literal, raw };`,
  ].join('\n');
}

type Evaluated = { pattern: RegExp; literal: string; raw: string };
const evaluate = (source: string) => new Function(source)() as Evaluated;

describe('escapeBeyondLatin1 (scripts/latin1-source.ts: the bundle held one byte per character)', () => {
  it('escapes comments and regular expressions, and nothing changes what the module does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('', 'i', 'u', 'v', 'iu'), fc.array(classCharacter, { maxLength: 6 }), (characters, flags, probes) => {
        const source = moduleSource(characters, flags);
        const escaped = escapeBeyondLatin1(source, 'module.js');
        const before = evaluate(source);
        const after = evaluate(escaped);
        expect(after.literal).toBe(before.literal);
        expect(after.raw).toBe(before.raw);
        for (const probe of [characters, ...probes, probes.join('')]) {
          expect(after.pattern.test(probe), `${flags} ${JSON.stringify(probe)}`).toBe(before.pattern.test(probe));
        }
        // Only the string and the raw template (esbuild escapes the string itself) may still hold them.
        const outsideLiterals = escaped.split('\n').filter((line) => !line.startsWith('const literal') && !line.startsWith('const raw'));
        expect(countBeyondLatin1(outsideLiterals.join('\n'))).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a source with only Latin-1 characters as it is, and finds comments inside TypeScript and between tokens', () => {
    const latin1 = "const a = 'café'; // naïve\n";
    expect(escapeBeyondLatin1(latin1, 'a.js')).toBe(latin1);
    const typescript = 'function f(a: number /* ’ */, b = /[А-Я]/) { return [a, b] /* — */; }\nconst s = `’${1}`;\n';
    expect(escapeBeyondLatin1(typescript, 'f.ts')).toBe(
      'function f(a: number /* \\u2019 */, b = /[\\u0410-\\u042f]/) { return [a, b] /* \\u2014 */; }\nconst s = `’${1}`;\n',
    );
  });
});
