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

/**
 * `text` with the value of every `"<key>": value` whose key satisfies `isSecretName` replaced by `"<mask>"`. Object
 * and array values are scanned rather than masked, so the secret-named keys inside them are masked in turn.
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
    if (!isSecretField || valueStart >= text.length || "{[".includes(text.charAt(valueStart))) {
      i = keyEnd;
      continue;
    }
    parts.push(text.slice(copied, valueStart), `"${mask}"`);
    i = copied = text[valueStart] === '"' ? stringEnd(text, valueStart) : scalarEnd(text, valueStart);
  }
  parts.push(text.slice(copied));
  return parts.join("");
}
