/**
 * The sdk and the provider describe each resource twice: the sdk's `XArgs` and output fields for programs, the
 * provider's resourceSchema for check and the operations. These type-level assertions (they fail `npm run typecheck`)
 * tie the two together: each `XArgs` has exactly the schema's input names, the same required ones, and only values
 * the schema's input type accepts; each class's outputs are exactly the inputs plus the schema's computed outputs;
 * and the provider module is what the serialized shim requires.
 */
import type * as pulumi from "@pulumi/pulumi";
import { resourceProviders, configure } from "../../provider";
import {
  appMenuSchema,
  appPermissionSchema,
  deviceEnablementSchema,
  enosAppSchema,
  roleAssignmentSchema,
  userGroupMembershipSchema,
  type OutputKeyOf,
  type RawInputsOf,
  type ResourceSchema,
} from "../../provider/inputs";
import * as sdk from "../../sdk";
import type { Dispatch } from "../../provider/dispatch";
import type { ResourceKind } from "../../sdk/provider-shim";
import type { OwnOutputName } from "../../sdk/resource-options";

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/**
 * The keys every member of a union requires (for a plain object type, its required keys): DeviceEnablementArgs is
 * a union of identities, and the schema requires only what all of them do.
 */
type RequiredInEvery<U> = (U extends unknown ? (keys: RequiredKeys<U>) => void : never) extends (
  keys: infer Common,
) => void
  ? Common
  : never;

/** Whether every value a program may give an `XArgs` field (outputs resolved) is of the schema's input type. */
type Accepted<Args, Raw> = {
  [K in keyof Args & keyof Raw]-?: pulumi.Unwrap<NonNullable<Args[K]>> extends Required<Raw>[K] ? true : false;
}[keyof Args & keyof Raw];

/** `XArgs` against the schema: the same names, the same required names, and accepted values. */
type ArgsMatch<Args, R extends ResourceSchema> = [
  Equal<keyof Args, keyof RawInputsOf<R>>,
  Equal<RequiredInEvery<Args>, RequiredKeys<RawInputsOf<R>>>,
  Equal<Accepted<Args, RawInputsOf<R>>, true>,
];

/** The class's outputs (its `OUTPUTS` record's keys) against the schema: every input, plus the computed outputs. */
type OutputsMatch<Class, R extends ResourceSchema> = Equal<OwnOutputName<Class>, keyof RawInputsOf<R> | OutputKeyOf<R>>;

export type SdkMatchesProvider = [
  Assert<Equal<ArgsMatch<sdk.EnosAppArgs, typeof enosAppSchema>, [true, true, true]>>,
  Assert<Equal<ArgsMatch<sdk.AppMenuArgs, typeof appMenuSchema>, [true, true, true]>>,
  Assert<Equal<ArgsMatch<sdk.AppPermissionArgs, typeof appPermissionSchema>, [true, true, true]>>,
  Assert<Equal<ArgsMatch<sdk.RoleAssignmentArgs, typeof roleAssignmentSchema>, [true, true, true]>>,
  Assert<Equal<ArgsMatch<sdk.UserGroupMembershipArgs, typeof userGroupMembershipSchema>, [true, true, true]>>,
  Assert<Equal<ArgsMatch<sdk.DeviceEnablementArgs, typeof deviceEnablementSchema>, [true, true, true]>>,
  Assert<OutputsMatch<sdk.EnosApp, typeof enosAppSchema>>,
  Assert<OutputsMatch<sdk.AppMenu, typeof appMenuSchema>>,
  Assert<OutputsMatch<sdk.AppPermission, typeof appPermissionSchema>>,
  Assert<OutputsMatch<sdk.RoleAssignment, typeof roleAssignmentSchema>>,
  Assert<OutputsMatch<sdk.UserGroupMembership, typeof userGroupMembershipSchema>>,
  Assert<OutputsMatch<sdk.DeviceEnablement, typeof deviceEnablementSchema>>,
];

/** The methods a shim dispatches to each kind (a per-resource `configure` is never called: the module has one). */
type ShimCalls = { [M in Exclude<Parameters<Dispatch>[1], "configure">]: unknown };

export type ProviderModuleMatchesShim = [
  Assert<Equal<keyof typeof resourceProviders, ResourceKind>>,
  Assert<(typeof resourceProviders)[ResourceKind] extends ShimCalls ? true : false>,
  Assert<typeof configure extends (...args: never[]) => Promise<void> ? true : false>,
];

describe("the sdk and the provider", () => {
  it("serve the same resource kinds, each an sdk class with a provider behind it", () => {
    const kinds = Object.keys(resourceProviders).sort();
    expect(kinds).toEqual(
      ["AppMenu", "AppPermission", "DeviceEnablement", "EnosApp", "RoleAssignment", "UserGroupMembership"].sort(),
    );
    for (const kind of kinds) expect(sdk[kind as keyof typeof sdk]).toEqual(expect.any(Function));
  });
});
