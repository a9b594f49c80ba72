/**
 * What the rules read of our resources: their documented inputs and outputs (README "Resources"), matched by the
 * dynamic type `pulumi-nodejs:dynamic/enos:<Name>`. Schemas are lenient (unknown keys dropped, optional inputs may
 * be absent or null) because a policy sees checked inputs in `validateResource` and outputs in `validateStack`.
 */
import { z } from "zod";
import { PolicyInputError } from "./errors";

export const ENOS_TYPES = {
  EnosApp: "pulumi-nodejs:dynamic/enos:EnosApp",
  AppMenu: "pulumi-nodejs:dynamic/enos:AppMenu",
  AppPermission: "pulumi-nodejs:dynamic/enos:AppPermission",
  RoleAssignment: "pulumi-nodejs:dynamic/enos:RoleAssignment",
  UserGroupMembership: "pulumi-nodejs:dynamic/enos:UserGroupMembership",
  DeviceEnablement: "pulumi-nodejs:dynamic/enos:DeviceEnablement",
} as const;

export type EnosKind = keyof typeof ENOS_TYPES;

/** `null` and absent both mean "not set". */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const ids = z.array(z.string());

export const roleAssignmentProps = z.object({
  orgId: optional(z.string()),
  userId: z.string(),
  roleIds: ids,
  exhaustive: optional(z.boolean()),
  protectedRoleIds: optional(ids),
  maxRemovals: optional(z.number()),
});

export const userGroupMembershipProps = z.object({
  orgId: optional(z.string()),
  userId: z.string(),
  userGroupIds: ids,
  exhaustive: optional(z.boolean()),
  protectedUserGroupIds: optional(ids),
  maxRemovals: optional(z.number()),
});

export const deviceEnablementProps = z.object({
  orgId: optional(z.string()),
  assetId: optional(z.string()),
  productKey: optional(z.string()),
  deviceKey: optional(z.string()),
  enabled: z.boolean(),
  resolvedAssetId: optional(z.string()),
});

export const enosAppProps = z.object({
  orgId: optional(z.string()),
  keyword: z.string(),
  type: optional(z.enum(["web", "mobile"])),
  url: optional(z.string()),
  description: z.unknown().optional(),
  adopt: optional(z.boolean()),
});

export const appMenuProps = z.object({ keyword: z.string(), url: optional(z.string()) });
export const appPermissionProps = z.object({ keyword: z.string() });

export type RoleAssignmentProps = z.output<typeof roleAssignmentProps>;
export type UserGroupMembershipProps = z.output<typeof userGroupMembershipProps>;
export type DeviceEnablementProps = z.output<typeof deviceEnablementProps>;
export type EnosAppProps = z.output<typeof enosAppProps>;
export type AppMenuProps = z.output<typeof appMenuProps>;
export type AppPermissionProps = z.output<typeof appPermissionProps>;

/** One of our resources as a rule sees it: its Pulumi name and URN, and its parsed properties. */
export interface Subject<P> {
  name: string;
  urn: string;
  props: P;
}

/** A policy-visible resource (validateResource args or a validateStack entry). */
export interface PolicyVisibleResource {
  type: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
}

/**
 * Parses `resource` as `kind`, or returns undefined when it is another type. Properties that do not match the
 * documented shape throw, naming the resource: a rule must never pass a resource it could not read.
 */
export function subjectOf<S extends z.ZodType>(
  resource: PolicyVisibleResource,
  kind: EnosKind,
  schema: S,
): Subject<z.output<S>> | undefined {
  if (resource.type !== ENOS_TYPES[kind]) return undefined;
  const parsed = schema.safeParse(resource.props);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(root)").join(", ");
    throw new PolicyInputError(
      `${kind} '${resource.name}': cannot read ${fields} (pulumi-enos/policy expects its documented inputs)`,
    );
  }
  return { name: resource.name, urn: resource.urn, props: parsed.data };
}

/** `<orgId>/<userId>`-style key; `orgId` absent means the configured default OU. */
export function ouKey(orgId: string | undefined): string {
  return orgId ?? "";
}

/** "OU o-demo" or "the default OU (enos:orgId)". */
export function ouLabel(orgId: string | undefined): string {
  return orgId === undefined ? "the default OU (enos:orgId)" : `OU ${orgId}`;
}

/** A device as messages and lists name it: its asset id, else `productKey/deviceKey`. */
export function deviceLabel(device: DeviceEnablementProps): string {
  return device.assetId ?? device.resolvedAssetId ?? `${device.productKey ?? "?"}/${device.deviceKey ?? "?"}`;
}
