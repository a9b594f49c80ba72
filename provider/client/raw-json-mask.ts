/**
 * Masks the values of secret-named fields in text that should be JSON but does not parse, typically a body cut
 * short. Its values are not known secrets (a just-created app's `secretKey` is new to us), so masking by value alone
 * would let them through. A scanner rather than a regex: it walks JSON strings and their escapes from the start, so a
 * quote or colon inside a value cannot misalign it, and an unterminated string simply runs to the end of the text.
 */

/** Index just past the JSON string that opens at `start` (a `"`), or the text's length when it never closes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

/** Index just past a bare value (number, literal) that starts at `from`. */
function scalarEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/[\s,}\]]/.test(text.charAt(i))) i++;
  return i;
}

/** Index just past the object or array that opens at `start`, or the text's length when it never closes. */
function containerEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i) - 1;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Index just past the value that starts at `from`: a string, an object or array, or a bare scalar. */
function valueEnd(text: string, from: number): number {
  if (text[from] === '"') return stringEnd(text, from);
  return "{[".includes(text.charAt(from)) ? containerEnd(text, from) : scalarEnd(text, from);
}

/**
 * `text` with the value of every `"<key>": value` whose key satisfies `isSecretName` replaced by `"<mask>"`, whole
 * objects and arrays included (as the parsed-JSON path masks them), up to the end of the text when it is cut short.
 */
export function maskSecretFields(text: string, isSecretName: (key: string) => boolean, mask: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') {
      i++;
      continue;
    }
    const keyEnd = stringEnd(text, i);
    const colon = skipSpace(text, keyEnd);
    const valueStart = skipSpace(text, colon + 1);
    const isSecretField = text[colon] === ":" && isSecretName(text.slice(i + 1, keyEnd - 1));
    if (!isSecretField || valueStart >= text.length) {
      i = keyEnd;
      continue;
    }
    parts.push(text.slice(copied, valueStart), `"${mask}"`);
    i = copied = valueEnd(text, valueStart);
  }
  parts.push(text.slice(copied));
  return parts.join("");
}
