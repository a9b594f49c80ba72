import {
  ConfigError,
  EnosApiError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  mayHaveTakenEffect,
} from "../../../provider/client";

const site = { method: "POST" as const, path: "/enos-app-service/v2.5/apps" };
/** The token request that comes before a write: when it fails, the write itself is never sent. */
const tokenSite = { method: "POST" as const, path: "/apim-token-service/v2.0/token/get" };

function apiError(status: number, code: number | string | undefined, fromGateway = false): EnosApiError {
  return new EnosApiError({ ...site, status, code, msg: "x", fromGateway });
}

describe("mayHaveTakenEffect: whether a failed write may have been applied", () => {
  test.each([
    // A create's answers (it is then looked up by keyword before it is sent again).
    {
      what: "a 2xx success whose body could not be read",
      error: new ResponseValidationError(site, 200, []),
      expected: true,
    },
    { what: "a timeout", error: new TimeoutError(site, 1000, undefined), expected: true },
    {
      what: "a reset after the request left",
      error: new NetworkError(site, "ECONNRESET", false, undefined),
      expected: true,
    },
    { what: "a refused connection", error: new NetworkError(site, "ECONNREFUSED", true, undefined), expected: false },
    { what: "a gateway 502", error: apiError(502, 502), expected: true },
    { what: "an invalid-input refusal", error: apiError(200, 31400), expected: false },
    // A grant or device write's answers (it is then recorded as a partial create).
    { what: "a not-found refusal", error: apiError(200, 31404), expected: false },
    { what: "a permission refusal", error: apiError(200, 31403), expected: false },
    { what: "a gateway 503", error: apiError(503, 0), expected: true },
    { what: "a plain error (timeout, reset)", error: new Error("timeout"), expected: true },
    // The rest of the taxonomy.
    {
      what: "the gateway's own 429 (Kong throttles before proxying)",
      error: apiError(429, undefined, true),
      expected: false,
    },
    { what: "the gateway's own 404 (no route)", error: apiError(404, undefined, true), expected: false },
    { what: "a token still refused after the re-auth", error: apiError(200, 1203), expected: false },
    { what: "a service-side 31429", error: apiError(200, 31429), expected: true },
    { what: "an internal error in HTTP 200", error: apiError(200, 99500), expected: true },
    { what: "an unknown code", error: apiError(200, 12345), expected: true },
    { what: "a missing setting (nothing was sent)", error: new ConfigError("apiUrl", "set it"), expected: false },
    {
      what: "an error of ours wrapping a refusal",
      error: new Error("category hint", { cause: apiError(200, 31404) }),
      expected: false,
    },
    { what: "a token request that timed out", error: new TimeoutError(tokenSite, 1000, undefined), expected: false },
    {
      what: "a token request reset after it left",
      error: new NetworkError(tokenSite, "ECONNRESET", false, undefined),
      expected: false,
    },
    {
      what: "a token service 503",
      error: new EnosApiError({ ...tokenSite, status: 503, code: undefined, msg: "x" }),
      expected: false,
    },
    {
      what: "an error of ours wrapping a token timeout",
      error: new Error("hint", { cause: new TimeoutError(tokenSite, 1000, undefined) }),
      expected: false,
    },
    {
      what: "an error of ours wrapping a timeout",
      error: new Error("hint", { cause: new TimeoutError(site, 1000, undefined) }),
      expected: true,
    },
  ])("$what -> $expected", ({ error, expected }) => {
    expect(mayHaveTakenEffect(error)).toBe(expected);
  });
});
