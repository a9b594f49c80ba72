/**
 * The frame every resource provider shares: check with the provider's default OU, diff that leaves `changes` to
 * the engine (per-property `--diff`, working `replaceOnChanges`; pulumi.md §A3, §A12), error context, warnings,
 * and outputs the host can encode. Resource files only supply what is specific to them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configure as storeSettings, currentSettings } from "../config";
import { replacesFor, type CheckDefaults, type CheckOutcome } from "../inputs";
import { isPartialCreateError, withResourceContext, type ResourceOperation } from "../failures";
import { claimObject, isObjectClaimed } from "./deployment-claims";

type Props = Record<string, unknown>;

/** `check` for a resource whose validation is `checkInputs` (one of the `checkX` functions of provider/inputs). */
export function checkWith<T>(
  checkInputs: (olds: Props, news: Props, defaults: CheckDefaults) => CheckOutcome<T>,
): (olds: Props, news: Props) => Promise<dynamic.CheckResult> {
  return async (olds, news) => {
    const outcome = checkInputs(olds ?? {}, news, { orgId: currentSettings().orgId });
    return outcome.failures.length > 0 ? { inputs: news, failures: outcome.failures } : { inputs: outcome.inputs };
  };
}

/**
 * The diff result for `olds` (stored outputs) against `news` (checked inputs): only the replace-on keys that really
 * differ; `changes` stays undefined so the engine compares inputs itself and prints each changed property.
 */
export function diffResult(
  olds: Props,
  news: Props,
  replaceOn: readonly string[],
  deleteBeforeReplace = false,
): dynamic.DiffResult {
  const replaces = replacesFor(olds, news, replaceOn);
  if (replaces.length === 0) return {};
  return deleteBeforeReplace ? { replaces, deleteBeforeReplace } : { replaces };
}

/** Runs a provider operation, re-throwing failures as "<Resource> <op> failed: ..." (partial creates keep their id). */
export async function withContext<T>(
  resource: string,
  operation: ResourceOperation,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return withResourceContext(resource, operation, error);
  }
}

/**
 * A warning the engine shows on the resource. The dynamic-provider host relays the provider process's stderr as
 * diagnostics (pulumi.md §A2), and stderr keeps provider tests quiet unless they look for it.
 */
export function warn(message: string): void {
  console.warn(`warning: ${message}`);
}

/** Outputs without undefined values: the host's protobuf Struct conversion rejects them. */
export function definedOnly<T extends Props>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The `__`-prefixed engine keys (`__provider`) of a props object, to carry into partial-create properties. */
export function engineKeys(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key.startsWith("__")));
}

/** What a resource supplies to {@link defineProvider}: its operations, without the shared plumbing. */
export interface ProviderOperations {
  check(olds: Props, news: Props): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Props, news: Props): dynamic.DiffResult;
  create(inputs: Props): Promise<dynamic.CreateResult>;
  read(id: string, props: Props): Promise<dynamic.ReadResult>;
  update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Props): Promise<void>;
}

/** How a provider shares EnOS objects with other resources of one deployment (deployment-claims.ts). */
export interface ProviderOptions {
  /**
   * The resource owns one whole EnOS object (an app, menu, permission, or a device's enablement): every create and
   * update claims it, and a delete of an object claimed in this deployment leaves it as it is. Grants claim ids
   * instead, in their own code.
   */
  ownsObject?: boolean;
  /** Added to the warning of a delete that left a claimed object alone. */
  claimedDeleteNote?: string;
}

/** Claims the object of a create (partial creates included: they are recorded in the stack too). */
async function claimingCreate(resource: string, create: () => Promise<dynamic.CreateResult>) {
  try {
    const result = await create();
    claimObject(resource, result.id);
    return result;
  } catch (error) {
    if (isPartialCreateError(error)) claimObject(resource, error.id);
    throw error;
  }
}

function spareClaimed(resource: string, id: string, note: string | undefined): boolean {
  if (!isObjectClaimed(resource, id)) return false;
  warn(
    `${resource} '${id}' is removed from the stack but left as it is in EnOS: another resource of this stack took ` +
      `it over in this deployment (a rename without \`aliases\`, or a replacement)${note ?? ""}`,
  );
  return true;
}

/**
 * A complete dynamic provider for `resource`: `configure` stores the stack config, every operation runs under
 * {@link withContext} so each failure names the resource and the operation, and with `ownsObject` creates and
 * updates claim their object while deletes spare an object claimed in this deployment.
 */
export function defineProvider(
  resource: string,
  ops: ProviderOperations,
  options: ProviderOptions = {},
): Required<dynamic.ResourceProvider> {
  const owns = options.ownsObject === true;
  return {
    configure: async (request) => {
      storeSettings(request.config);
    },
    check: (olds: Props, news: Props) => withContext(resource, "check", () => ops.check(olds ?? {}, news)),
    diff: (id, olds: Props, news: Props) => withContext(resource, "diff", async () => ops.diff(id, olds, news)),
    create: (inputs: Props) =>
      withContext(resource, "create", () =>
        owns ? claimingCreate(resource, () => ops.create(inputs)) : ops.create(inputs),
      ),
    read: (id, props?: Props) => withContext(resource, "read", () => ops.read(id, props ?? {})),
    update: (id, olds: Props, news: Props) =>
      withContext(resource, "update", async () => {
        const result = await ops.update(id, olds, news);
        if (owns) claimObject(resource, id);
        return result;
      }),
    delete: (id, props: Props) =>
      withContext(resource, "delete", async () => {
        if (owns && spareClaimed(resource, id, options.claimedDeleteNote)) return;
        await ops.delete(id, props);
      }),
  };
}
