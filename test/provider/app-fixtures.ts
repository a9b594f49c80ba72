/**
 * Shared helpers of the EnosApp / AppMenu / AppPermission provider tests: checked inputs as the engine passes them
 * (with `__provider`), captured provider warnings, and a parent app for menus and permissions.
 */
import type { EngineProvider } from "../../provider/resources/kit/define-provider";
import type { AppServiceCodes, Emulator, EmulatorOptions } from "../../emulator";
import { enosAppProvider } from "../../provider/resources/keyword/enos-app";
import { nextDeployment, startProviderEmulator, stopProviderEmulator } from "./support";

/** Stands in for the serialized provider text the engine adds to every input and output set. */
export const PROVIDER_TEXT = "exports.handler = require('pulumi-enos/provider-shim-under-test');";

type Props = Record<string, unknown>;

/** Runs `check` like the engine (fresh create: no olds) and returns the inputs create/update receive. */
export async function checked(provider: EngineProvider, news: Props): Promise<Props> {
  const result = await provider.check({}, { ...news, __provider: PROVIDER_TEXT });
  expect(result.failures ?? []).toEqual([]);
  return result.inputs as Props;
}

/** The inputs without the engine key, i.e. what `read` must hand back as `inputs`. */
export function withoutProvider(inputs: Props): Props {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => key !== "__provider"));
}

/** What a test file gets from {@link useAppEmulator}. */
export interface AppTestEnv {
  /** The file's emulator, reset before every test (each test is a deployment of its own). */
  readonly emulator: Emulator;
  /** The provider warnings of the current test. */
  warnings(): string[];
}

/**
 * The two forms a gateway may answer enos-app-service errors in (its codes are undocumented): the app-portal 31xxx
 * family or the legacy generic table's plain codes. App, menu and permission tests run under both.
 */
export const APP_SERVICE_CODES: ReadonlyArray<AppServiceCodes> = ["portal", "legacy"];

/** The not-found code of a form: 31404 or the legacy 404 (same key, e.g. `app.not.exist`). */
export const notFoundCode = (codes: AppServiceCodes): number => (codes === "legacy" ? 404 : 31404);

/** Registers the file's hooks: one emulator per file, reset and with warnings captured for each test. */
export function useAppEmulator(options: EmulatorOptions = {}): AppTestEnv {
  let current: Emulator | undefined;
  let capture: ReturnType<typeof captureWarnings> | undefined;
  beforeAll(async () => {
    current = await startProviderEmulator(options);
  });
  afterAll(async () => stopProviderEmulator(current));
  beforeEach(() => {
    current?.reset();
    nextDeployment();
    capture = captureWarnings();
  });
  afterEach(() => capture?.restore());
  return {
    get emulator() {
      if (current === undefined) throw new Error("the emulator starts in beforeAll");
      return current;
    },
    warnings: () => capture?.messages() ?? [],
  };
}

/** Captures (and silences) the provider's warnings, which go to stderr via console.warn. */
export function captureWarnings(): { messages: () => string[]; restore: () => void } {
  const spy = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  return {
    messages: () => spy.mock.calls.map((args) => args.map(String).join(" ")),
    restore: () => spy.mockRestore(),
  };
}

/** Creates an app through the EnosApp provider: the checked inputs, the create result and its outputs. */
export async function createApp(args: Props) {
  const inputs = await checked(enosAppProvider, args);
  const created = await enosAppProvider.create(inputs);
  return { inputs, created, outs: created.outs as Props };
}

/** The id of a new app, for the menus and permissions that need one. */
export async function createParentApp(keyword = "parent-app"): Promise<string> {
  return (await createApp({ name: "Parent", category: 101, keyword })).created.id;
}

/** Awaits `run` and returns what it threw (failing the test if it did not throw). */
export async function thrown(run: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the operation to fail, but it succeeded");
}

/** Polls `condition` on a short timer (it watches the emulator while a provider call is in flight). */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited >= timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
