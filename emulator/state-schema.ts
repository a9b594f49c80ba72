import { z } from "zod";
import { POLICIES } from "./policies";

// The emulator's whole world as one JSON document: the seed file, the persisted state file, POST /__emulator/seed and
// GET /__emulator/state all share this shape. Input (SeedData) may omit lists and most device fields; the output
// (StateData) is complete. Function defaults keep every parse from sharing one array instance.

/** Flat i18n map of enos-app-service: {"default": "...", "en_US": "...", "zh_CN": "..."} (App Registration API). */
const i18nMap = z.record(z.string(), z.string());

/** Locale-keyed display names of roles and user groups (app-portal `locale` parameter picks one, en_US default). */
const localeNames = z.union([z.string().transform((name) => ({ en_US: name })), i18nMap]);

const organization = z.object({ id: z.string().min(1), name: z.string() });

const serviceAccount = z.object({
  id: z.string().min(1),
  name: z.string(),
  accessKey: z.string().min(1),
  secretKey: z.string().min(1),
  orgId: z.string().min(1),
  /** The policies granted in its OU (policies.ts); absent = not modelled, every call allowed. */
  policies: z.array(z.enum(POLICIES)).optional(),
});

/** `email` is what the OU user roster returns beside the name (app-portal Get Organization User List). */
const user = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().default(""),
  orgIds: z.array(z.string()),
});
const role = z.object({ id: z.string().min(1), orgId: z.string().min(1), name: localeNames });
const roleGrant = z.object({ orgId: z.string(), userId: z.string(), roleIds: z.array(z.string()) });
const groupGrant = z.object({ orgId: z.string(), userId: z.string(), userGroupIds: z.array(z.string()) });
const category = z.object({ id: z.number().int(), name: i18nMap });

const app = z.object({
  id: z.string().min(1),
  orgId: z.string().min(1),
  accessKey: z.string().min(1),
  secretKey: z.string().min(1),
  name: i18nMap,
  description: i18nMap.default(() => ({})),
  categoryId: z.number().int(),
  keyword: z.string().nullable().default(null),
  type: z.union([z.literal(0), z.literal(1)]),
  icon: z.string().default(""),
  url: z.string().default(""),
  createdByUserId: z.string().nullable().default(null),
  createdByUserName: z.string().nullable().default(null),
  createdAt: z.string(),
  approvedAt: z.string().nullable().default(null),
});

const menu = z.object({
  id: z.string().min(1),
  appId: z.string().min(1),
  name: i18nMap,
  description: i18nMap.default(() => ({})),
  keyword: z.string().min(1),
  parentId: z.string().nullable().default(null),
  sortId: z.number().int().min(1),
  url: z.string().default(""),
  status: z.number().int().nullable().default(null),
});

const permission = z.object({
  id: z.string().min(1),
  appId: z.string().min(1),
  name: i18nMap,
  description: i18nMap.default(() => ({})),
  keyword: z.string().min(1),
  status: z.number().int().nullable().default(null),
});

/** Device/model services use the other i18n shape: {defaultValue, i18nValue} (EnOS i18n reference). */
const deviceI18n = z.object({ defaultValue: z.string(), i18nValue: i18nMap.default(() => ({})) });

const device = z.object({
  orgId: z.string().min(1),
  assetId: z.string().min(1),
  productKey: z.string().min(1),
  deviceKey: z.string().min(1),
  modelId: z.string().default(""),
  modelIdPath: z.string().default(""),
  productName: deviceI18n.default(() => ({ defaultValue: "", i18nValue: {} })),
  productType: z.string().default("Device"),
  dataFormat: z.string().default("Json"),
  deviceName: deviceI18n.default(() => ({ defaultValue: "", i18nValue: {} })),
  deviceSecret: z.string().default(""),
  deviceDesc: z.string().default(""),
  timezone: z.string().default("+00:00"),
  deviceAttributes: z.record(z.string(), z.unknown()).default(() => ({})),
  deviceTags: z.record(z.string(), z.string()).default(() => ({})),
  createTime: z.number().int().default(0),
  activeTime: z.number().int().nullable().default(null),
  lastOnlineTime: z.number().int().nullable().default(null),
  lastOfflineTime: z.number().int().nullable().default(null),
  /** Last data of each kind, epoch ms (Get Device, v2.1 fields); inf: null until the device sent any. */
  measurepointLastUpdate: z.number().int().nullable().default(null),
  eventLastUpdate: z.number().int().nullable().default(null),
  attributeLastUpdate: z.number().int().nullable().default(null),
  featureLastUpdate: z.number().int().nullable().default(null),
  /** "mirrorSource (newer)" in Get Device; inf: its shape is n/f, so an object, null for a non-mirrored device. */
  mirrorSource: z.record(z.string(), z.unknown()).nullable().default(null),
  /** The connectivity the device shows while enabled; a disabled device shows "disable" instead (Managing Devices). */
  connectivity: z.enum(["online", "offline", "inactive"]).default("inactive"),
  enabled: z.boolean().default(true),
});

const list = <T extends z.ZodType>(item: T) => z.array(item).default(() => []);

export const stateSchema = z.object({
  organizations: list(organization),
  serviceAccounts: list(serviceAccount),
  users: list(user),
  roles: list(role),
  userGroups: list(role),
  roleGrants: list(roleGrant),
  groupGrants: list(groupGrant),
  categories: list(category),
  apps: list(app),
  menus: list(menu),
  permissions: list(permission),
  devices: list(device),
  /** Counter behind generated ids (app-1, menu-2, ...); persisted so ids stay unique across restarts. */
  sequence: z.number().int().min(0).default(0),
});

/** What a seed file (or POST /__emulator/seed) may contain: every list optional, device details defaulted. */
export type SeedData = z.input<typeof stateSchema>;
/** The complete emulator state, as returned by GET /__emulator/state and written to the state file. */
export type StateData = z.output<typeof stateSchema>;
export type I18nMap = z.output<typeof i18nMap>;
export type Organization = StateData["organizations"][number];
export type ServiceAccount = StateData["serviceAccounts"][number];
export type User = StateData["users"][number];
export type Role = StateData["roles"][number];
export type UserGroup = StateData["userGroups"][number];
export type Category = StateData["categories"][number];
export type AppRecord = StateData["apps"][number];
export type MenuRecord = StateData["menus"][number];
export type PermissionRecord = StateData["permissions"][number];
export type DeviceRecord = StateData["devices"][number];

/** Parses seed or state JSON; throws an Error naming the first offending path. */
export function parseState(input: unknown, source: string): StateData {
  const result = stateSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? issue.path.join(".") : "";
  throw new Error(`invalid emulator state in ${source}: ${where} ${issue?.message ?? ""}`.trim());
}
