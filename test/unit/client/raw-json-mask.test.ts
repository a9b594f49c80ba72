import { maskSecretFields } from "../../../provider/client/raw-json-mask";

const isSecret = (key: string) => /secret|token/i.test(key);
const mask = (text: string) => maskSecretFields(text, isSecret, "***");

describe("masking secret fields in a body that is not valid JSON", () => {
  it.each<[string, string, string]>([
    [
      "a whole value before the cut",
      '{"id":"a","secretKey":"s3cr3t","name":{"def',
      '{"id":"a","secretKey":"***","name":{"def',
    ],
    ["a value cut in the middle", '{"id":"a","secretKey":"s3c', '{"id":"a","secretKey":"***"'],
    ["a value ending in a lone backslash", '{"secretKey":"s3\\', '{"secretKey":"***"'],
    ["spaces around the colon", '{"accessToken" :  "t0k3n", "x": 1', '{"accessToken" :  "***", "x": 1'],
    ["a bare value", '{"token":12345,"x":', '{"token":"***","x":'],
    ["keys inside a nested object", '{"creds":{"secretKey":"s3cr3t"},"x', '{"creds":{"secretKey":"***"},"x'],
    ["a key cut before its value", '{"id":"a","secretKey":', '{"id":"a","secretKey":'],
    ["a whole array value", '{"secrets": ["s1","s2"], "x": 1, "y', '{"secrets": "***", "x": 1, "y'],
    [
      "a whole object value, brackets inside strings and all",
      '{"secretConfig":{"pw":"hun}ter2","k":[1,{"a":"]"}]},"id":"a","n',
      '{"secretConfig":"***","id":"a","n',
    ],
    ["an object value cut short", '{"id":"a","secretKey":{"pw":"hunt', '{"id":"a","secretKey":"***"'],
  ])("masks %s", (_title, input, expected) => {
    expect(mask(input)).toBe(expected);
  });

  it("is not misled by quotes, colons or secret-like words inside values", () => {
    const input = '{"note":"say \\"secretKey\\": \\"x\\"","label":"secretKey","secret":"s3cr3t:\\"q\\""';
    expect(mask(input)).toBe('{"note":"say \\"secretKey\\": \\"x\\"","label":"secretKey","secret":"***"');
  });

  it("leaves text without secret fields unchanged", () => {
    expect(mask("<html>502 Bad Gateway</html>")).toBe("<html>502 Bad Gateway</html>");
    expect(mask('{"id":"a","name":"b"')).toBe('{"id":"a","name":"b"');
  });
});
