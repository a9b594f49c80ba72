/* eslint-disable @typescript-eslint/no-require-imports */
import type * as pulumi from "@pulumi/pulumi";
import type { Dispatch, ResourceKind } from "../provider/dispatch";

export type { ResourceKind } from "../provider/dispatch";

/** What `require("pulumi-enos/provider/dispatch")` returns; the shim knows nothing else about the provider. */
interface DispatchModule {
  dispatch: Dispatch;
}

/**
 * The provider object Pulumi serializes into state as `__provider` and replays for refresh and destroy (README "Drift, errors and secrets").
 * Each kind's object is the whole `module.exports` of its file in `shims/`, so when the package is installed in
 * node_modules, Pulumi's serializer writes that module as a single `require("pulumi-enos/dist/sdk/shims/<kind>.js")`
 * (it emits modules found under node_modules by reference: Pulumi docs, "Function serialization") instead of the object's code: a few hundred
 * bytes per resource. From a linked checkout (this repository's examples and tests) the module is not under
 * node_modules and the object itself is serialized, which is why it must stay small and self-contained too.
 *
 * Either way every method resolves the installed package at call time: a fixed release also reaches `read` and
 * `delete` of resources created by an older one, and nothing but the `kind` string is captured (no client, socket
 * or credential can reach the state). The `require` stays inside each method, written out in full, so that the
 * serializer keeps it a plain call.
 */
export function createProviderShim(kind: ResourceKind): Required<pulumi.dynamic.ResourceProvider> {
  return {
    configure: (...args) =>
      (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "configure", args),
    check: (...args) => (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "check", args),
    diff: (...args) => (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "diff", args),
    create: (...args) => (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "create", args),
    read: (...args) => (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "read", args),
    update: (...args) => (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "update", args),
    delete: (...args) => (require("pulumi-enos/provider/dispatch") as DispatchModule).dispatch(kind, "delete", args),
  };
}
