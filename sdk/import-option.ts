import * as pulumi from "@pulumi/pulumi";
import type { ProgramIssue } from "./program-issues";
import type { ResourceKind } from "./provider-shim";

// Pulumi cannot import dynamic resources: the engine reads an imported resource with no serialized provider, and the
// dynamic-provider host fails with "Cannot read properties of undefined" (pulumi/pulumi#16175). Refusing the option
// in the program says what to do instead, before the engine gets there (through the resource's check).

const INSTEAD: Record<ResourceKind, string> = {
  EnosApp: "set `adopt: true` instead: the resource then takes over the existing app with the same keyword",
  AppMenu: "set `adopt: true` instead: the resource then takes over the existing menu with the same keyword",
  AppPermission:
    "set `adopt: true` instead: the resource then takes over the existing permission with the same keyword",
  RoleAssignment:
    "a RoleAssignment needs none: declare the roles the user should hold (with `exhaustive: false`, the default, " +
    "roles it does not list are left alone)",
  UserGroupMembership:
    "a UserGroupMembership needs none: declare the groups the user should be in (with `exhaustive: false`, the " +
    "default, groups it does not list are left alone)",
  DeviceEnablement:
    "a DeviceEnablement needs none: it never creates a device, it takes over the device's enablement and records " +
    "the state it found, to restore on delete",
};

/** The message for a resource of `kind` given the `import` option. */
export function importRefusal(kind: ResourceKind, name: string): string {
  return (
    `${kind} '${name}': the \`import\` resource option (and \`pulumi import\`) cannot be used with pulumi-enos ` +
    `resources, which are Pulumi dynamic resources; remove the option, and ${INSTEAD[kind]}.`
  );
}

/**
 * The options to register a resource of `kind` with, and the issue to report when they ask for an import: the
 * option is taken out, so that the engine never tries the import, and the resource's check fails instead.
 */
export function refuseImport(
  kind: ResourceKind,
  name: string,
  opts: pulumi.CustomResourceOptions | undefined,
): { opts: pulumi.CustomResourceOptions | undefined; issue: ProgramIssue | undefined } {
  if (opts?.import === undefined) return { opts, issue: undefined };
  const { import: _import, ...rest } = opts;
  return { opts: rest, issue: { property: "", reason: importRefusal(kind, name) } };
}
