import type {
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { CatalogKind, CatalogSource, NameCatalog } from "../../../policy";
import { ENOS_TYPES, type EnosKind } from "../../../policy";

/** The seed OU's roles and groups (emulator/seed.json), as the lookups return them. */
export const ROLES: NameCatalog = new Map([
  ["r-org-admin", "Organization Administrator"],
  ["r-device-admin", "Device Administrator"],
  ["r-operator", "Operator"],
  ["r-viewer", "Viewer"],
  ["r-auditor", "Auditor"],
]);
export const GROUPS: NameCatalog = new Map([
  ["g-ops", "Operations"],
  ["g-eng", "Engineering"],
]);

/** A catalog source that records each load, or fails every load with `failure`. */
export function fakeSource(failure?: Error): CatalogSource & { loads: Array<[CatalogKind, string | undefined]> } {
  const loads: Array<[CatalogKind, string | undefined]> = [];
  return {
    loads,
    load: async (kind, orgId) => {
      loads.push([kind, orgId]);
      if (failure) throw failure;
      return kind === "roles" ? ROLES : GROUPS;
    },
  };
}

export const subject = <P>(name: string, props: P) => ({ name, urn: `urn:pulumi:test::p::x$${name}`, props });

export interface Resource {
  type: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
}

export const resource = (kind: EnosKind, name: string, props: Record<string, unknown>): Resource => ({
  type: ENOS_TYPES[kind],
  ...subject(name, props),
});

/** Runs a resource policy the way @pulumi/policy calls it, returning the reported messages. */
export async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  target: Resource,
  config: Record<string, unknown> = {},
): Promise<string[]> {
  const messages: string[] = [];
  const report: ReportViolation = (message) => messages.push(message);
  const args = { ...target, getConfig: () => config } as unknown as ResourceValidationArgs;
  const validate = policy.validateResource;
  for (const fn of Array.isArray(validate) ? validate : validate ? [validate] : []) await fn(args, report);
  return messages;
}

/** Runs a stack policy over `resources`, returning [message, urn] pairs. */
export async function runStackPolicy(
  policy: StackValidationPolicy,
  resources: Resource[],
  config: Record<string, unknown> = {},
): Promise<Array<[string, string | undefined]>> {
  const reported: Array<[string, string | undefined]> = [];
  const args = { resources, getConfig: () => config } as unknown as Parameters<
    StackValidationPolicy["validateStack"]
  >[0];
  await policy.validateStack(args, (message, urn) => reported.push([message, urn]));
  return reported;
}
