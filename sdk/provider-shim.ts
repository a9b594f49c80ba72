/* eslint-disable @typescript-eslint/no-require-imports */
import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds this package serves; each names a provider in `pulumi-enos/provider`. */
export type ResourceKind =
  "EnosApp" | "AppMenu" | "AppPermission" | "RoleAssignment" | "UserGroupMembership" | "DeviceEnablement";

/** What `require("pulumi-enos/provider")` must return; the shim knows nothing else about it. */
export interface ProviderModule {
  configure(request: pulumi.dynamic.ConfigureRequest): Promise<void>;
  resourceProviders: Record<ResourceKind, Required<pulumi.dynamic.ResourceProvider>>;
}

/**
 * Builds the object Pulumi serializes into state as `__provider` and replays for refresh and destroy (README
 * "Drift, errors and secrets").
 *
 * Every method resolves the installed package at call time, so a fixed release also reaches `read` and `delete`
 * of resources created by an older one, the serialized text never changes between releases (no spurious
 * updates), and nothing but the `kind` string is captured: no client, socket or credential can leak into state.
 * The `require` must stay inside each method, written out in full, for the serializer to keep it a plain call.
 */
export function createProviderShim(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  return {
    async configure(request) {
      return (require("pulumi-enos/provider") as ProviderModule).configure(request);
    },
    async check(olds, news) {
      return (require("pulumi-enos/provider") as ProviderModule).resourceProviders[kind].check(olds, news);
    },
    async diff(id, olds, news) {
      return (require("pulumi-enos/provider") as ProviderModule).resourceProviders[kind].diff(id, olds, news);
    },
    async create(inputs) {
      return (require("pulumi-enos/provider") as ProviderModule).resourceProviders[kind].create(inputs);
    },
    async read(id, props) {
      return (require("pulumi-enos/provider") as ProviderModule).resourceProviders[kind].read(id, props);
    },
    async update(id, olds, news) {
      return (require("pulumi-enos/provider") as ProviderModule).resourceProviders[kind].update(id, olds, news);
    },
    async delete(id, props) {
      return (require("pulumi-enos/provider") as ProviderModule).resourceProviders[kind].delete(id, props);
    },
  };
}
