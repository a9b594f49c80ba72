/**
 * `pulumi-enos/provider/dispatch`: the one function every serialized shim calls, at call time (sdk/provider-shim.ts,
 * README "Drift, errors and secrets"). It is a public entry point for good: state written by this and later releases names it, so it must
 * keep resolving and keep accepting (kind, method, args) as long as such state can exist. `pulumi-enos/provider`
 * (configure + resourceProviders) stays for state written by the releases before it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { proveCredentials } from "./context";
import { describeFailure, isEnosFailure } from "./failures";
import { LOGGED_BY_HOST, quietForHost } from "./host-log";
import { configure, resourceProviders } from "./index";
import { isShimOnlyUpdate, keptOutputs, recordCheck } from "./shim-upgrade";

/** A resource kind served here, e.g. "EnosApp". */
export type ResourceKind = keyof typeof resourceProviders;
/** A method of Pulumi's dynamic `ResourceProvider`. */
export type ProviderMethod = keyof Required<dynamic.ResourceProvider>;
type Provider = Required<dynamic.ResourceProvider>;

/** What the shims may call: `dispatch(kind, method, args)` runs `method` of `kind`'s provider with `args`. */
export type Dispatch = <M extends ProviderMethod>(
  kind: ResourceKind,
  method: M,
  args: Parameters<Provider[M]>,
) => ReturnType<Provider[M]>;

type Props = Record<string, unknown>;

/** What each resource kind serves (`configure` is the module's, once per process). */
type ResourceProvider = Omit<Provider, "configure">;

function providerOf(kind: string): ResourceProvider {
  if (Object.prototype.hasOwnProperty.call(resourceProviders, kind)) return resourceProviders[kind as ResourceKind];
  throw new Error(
    `pulumi-enos has no resource kind '${kind}': this resource was written by a newer pulumi-enos; install that ` +
      "release (or a later one) in the program's node_modules",
  );
}

/**
 * `check`, then the credential check (once per process: the first check of a deployment, preview included, makes
 * the one token request). A failure of either is returned as a check failure rather than thrown: the engine prints a
 * check failure once, as "<type> resource '<name>' has a problem: <reason>", and stops the deployment, while an error
 * thrown from `check` is also printed by the dynamic-provider host with its stack trace (`@pulumi/pulumi`
 * cmd/dynamic-provider; README "Errors and what to do").
 */
async function checkAndProve(provider: ResourceProvider, kind: string, olds: Props | undefined, news: Props) {
  let result: dynamic.CheckResult;
  try {
    result = await provider.check(olds, news);
    if ((result.failures ?? []).length > 0) return result;
    await proveCredentials();
  } catch (error) {
    if (!isEnosFailure(error)) throw error;
    return { inputs: news, failures: [{ property: "", reason: describeFailure(error) }] };
  }
  recordCheck(kind, olds, news, result.inputs as Props | undefined);
  return result;
}

async function run(kind: string, method: ProviderMethod, args: unknown[]): Promise<unknown> {
  try {
    return await runMethod(kind, method, args);
  } catch (error) {
    throw LOGGED_BY_HOST.has(method) ? quietForHost(kind, method, error) : error;
  }
}

async function runMethod(kind: string, method: ProviderMethod, args: unknown[]): Promise<unknown> {
  if (method === "configure") return configure(...(args as Parameters<Provider["configure"]>));
  const provider = providerOf(kind);
  if (method === "check") {
    const [olds, news] = args as [Props | undefined, Props];
    return checkAndProve(provider, kind, olds, news);
  }
  if (method === "update") {
    const [id, olds, news] = args as [string, Props, Props];
    if (isShimOnlyUpdate(kind, news)) return { outs: keptOutputs(olds) };
    return provider.update(id, olds, news);
  }
  const call = provider[method] as (...callArgs: unknown[]) => Promise<unknown>;
  return call(...args);
}

/** Runs `method` of `kind`'s provider; an update whose inputs changed in `__provider` alone changes nothing. */
export const dispatch: Dispatch = <M extends ProviderMethod>(
  kind: ResourceKind,
  method: M,
  args: Parameters<Provider[M]>,
) => run(kind, method, args) as ReturnType<Provider[M]>;
