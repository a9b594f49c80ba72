/**
 * Shapes of the Application Registration service (enos-app-service v2.5; EnOS docs: Application Registration API): what
 * we send, and the lenient zod schemas for what comes back (extra fields kept, numeric strings accepted for
 * categoryId/type/status).
 */
import { z } from "zod";
import { i18n, id, numeric, optionalText, type I18n } from "./schema-helpers";

/** Body of Create/Update App. */
export interface AppWrite {
  name: I18n;
  category: number;
  type: number;
  keyword?: string;
  icon?: string;
  description?: I18n;
  url?: string;
}

/** An application as the service returns it. `secretKey` is null for purchased apps. */
export interface App {
  id: string;
  accessKey: string;
  secretKey: string | null;
  name: I18n;
  description: I18n;
  categoryId: number;
  categoryName: I18n;
  keyword: string | null;
  type: number;
  icon: string;
  url: string;
  organizationId: string;
  organizationName: string;
  createdAt: string;
  status: number;
  [extra: string]: unknown;
}

export interface MenuWrite {
  appId: string;
  keyword: string;
  name: I18n;
  description?: I18n;
  parentId?: string | null;
  sortId: number;
  url?: string;
}

export interface Menu {
  id: string;
  appId: string;
  keyword: string;
  name: I18n;
  description: I18n;
  parentId: string | null;
  sortId: number;
  url: string;
  status: unknown;
}

export interface PermissionWrite {
  appId: string;
  keyword: string;
  name: I18n;
  description?: I18n;
}

export interface Permission {
  id: string;
  appId: string;
  keyword: string;
  name: I18n;
  description: I18n;
  status: unknown;
}

export const appSchema: z.ZodType<App, unknown> = z.looseObject({
  id,
  accessKey: z.string().min(1),
  secretKey: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  name: i18n,
  description: i18n,
  categoryId: numeric,
  categoryName: i18n,
  keyword: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  type: numeric,
  icon: optionalText,
  url: optionalText,
  organizationId: id,
  organizationName: optionalText,
  createdAt: optionalText,
  status: numeric,
});

const parentId = z
  .union([id, z.null()])
  .optional()
  .transform((v) => v ?? null);

export const menuSchema: z.ZodType<Menu, unknown> = z
  .looseObject({
    id,
    appId: id,
    keyword: z.string(),
    name: i18n,
    description: i18n,
    parentId,
    sortId: numeric,
    url: optionalText,
    status: z.unknown(),
  })
  .transform((m) => ({ ...m, status: m.status ?? null }));

export const permissionSchema: z.ZodType<Permission, unknown> = z
  .looseObject({ id, appId: id, keyword: z.string(), name: i18n, description: i18n, status: z.unknown() })
  .transform((p) => ({ ...p, status: p.status ?? null }));
