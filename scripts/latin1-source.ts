import ts from 'typescript';

/**
 * V8 keeps a script's source text for as long as the script lives (lazy compilation,
 * `Function.prototype.toString`), one byte per character when every character is Latin-1 and two
 * bytes otherwise. One `’` in a comment of one bundled dependency made the 9.6 MB bundle a 19 MB
 * resident string (issue 17, memory). esbuild already escapes string literals, templates and
 * identifiers (its default `charset: 'ascii'`); it keeps comments and regular-expression literals
 * as written. This escapes the characters beyond Latin-1 in those two places, where `\uXXXX` means
 * the same thing: a comment is text, and a regular expression reads `\uXXXX` (each UTF-16 unit,
 * so a surrogate pair stays one code point under the `u` and `v` flags) as the character itself.
 * Everything else (tagged templates' raw text above all) is left as written.
 */
const BEYOND_LATIN1 = /[^\0-\xff]/g;

const escapeUnit = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

function scriptKind(fileName: string): ts.ScriptKind {
  if (fileName.endsWith('.ts') || fileName.endsWith('.mts') || fileName.endsWith('.cts')) return ts.ScriptKind.TS;
  return ts.ScriptKind.JS;
}

/** The innermost node whose full range (leading trivia included) holds `position`. */
function innermost(node: ts.Node, position: number): ts.Node {
  let found = node;
  for (;;) {
    const child: ts.Node | undefined = ts.forEachChild(found, (candidate) =>
      candidate.pos <= position && position < candidate.end ? candidate : undefined,
    );
    if (child === undefined) return found;
    found = child;
  }
}

/** Start and end of the stretch of `parent` between its children around `position` (tokens and trivia only). */
function gapAround(parent: ts.Node, position: number, sourceFile: ts.SourceFile): [number, number] {
  let start = parent === sourceFile ? 0 : parent.pos;
  let end = parent.end;
  ts.forEachChild(parent, (child) => {
    if (child.end <= position) start = Math.max(start, child.end);
    else if (child.pos > position) end = Math.min(end, child.pos);
  });
  return [start, end];
}

/** True when `position` is inside a comment in the stretch `[start, end)` that holds no child node. */
function inComment(text: string, start: number, end: number, position: number, languageVariant: ts.LanguageVariant): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, languageVariant, text, undefined, start, end - start);
  for (;;) {
    const kind = scanner.scan();
    if (kind === ts.SyntaxKind.EndOfFileToken) return false;
    const tokenStart = scanner.getTokenStart();
    if (tokenStart > position) return false;
    if (position < scanner.getTokenEnd()) {
      return kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia;
    }
  }
}

function escapable(sourceFile: ts.SourceFile, text: string, position: number): boolean {
  const node = innermost(sourceFile, position);
  if (ts.isRegularExpressionLiteral(node) && position >= node.getStart(sourceFile)) return true;
  const [start, end] = gapAround(node, position, sourceFile);
  return inComment(text, start, end, position, sourceFile.languageVariant);
}

/**
 * `text` (one module's source, JavaScript or TypeScript) with every character beyond Latin-1 in a
 * comment or a regular-expression literal written as a `\uXXXX` escape; unchanged when it has none.
 */
export function escapeBeyondLatin1(text: string, fileName: string): string {
  if (!/[^\0-\xff]/.test(text)) return text;
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sourceFile = ts.createSourceFile(fileName, text, options, false, scriptKind(fileName));
  return text.replace(BEYOND_LATIN1, (character, position: number) =>
    escapable(sourceFile, text, position) ? escapeUnit(character) : character,
  );
}

/** How many characters of `text` lie beyond Latin-1 (0 for a bundle V8 holds one byte per character). */
export function countBeyondLatin1(text: string): number {
  return text.match(BEYOND_LATIN1)?.length ?? 0;
}
