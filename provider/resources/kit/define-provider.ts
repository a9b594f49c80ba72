/**
 * The typed boundary between the engine and a resource. The engine passes property bags; `defineProvider` checks
 * them against the resource's schema (provider/inputs) once, here, and hands the resource's operations parsed,
 * typed inputs and stored state. It also owns what every resource shares: the default OU at `check`, a `diff` that
 * leaves `changes` to the engine (so `--diff` shows each property and `replaceOnChanges` works; see the
 * `DiffResult` docs of `@pulumi/pulumi/dynamic`), "<Resource> <op> failed:" error context, the engine's keys on a
 * partial create, outputs the host can encode, and deployment claims (claims.ts).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { z } from "zod";
import { currentSettings } from "../../config";
import { withEngineKeys, isPartialCreateError, withResourceContext, type ResourceOperation } from "../../failures";
import {
  checkInputs,
  isKnown,
  isUnknown,
  type ComputedOf,
  replacesFor,
  splitEngineKeys,
  type InputObject,
  type InputsOf,
  type OutputShape,
  type OutputsOf,
  type PreviewedOf,
  type CheckFailure,
  type Props,
  type ResourceSchema,
} from "../../inputs";
import { claimObject, isObjectClaimed } from "./claims";
import {
  pickInputs,
  readStoredState,
  recordedInputs,
  storedComputed,
  type StateKey,
  type StateRules,
  type StoredOf,
} from "./stored-state";
import { vanishedId, vanishedRead, VANISHED_KEY, type VanishRule } from "./vanished";
import { warn } from "./warn";

/** The resource kinds of this package, as the sdk names them. */
export type ResourceName =
  "EnosApp" | "AppMenu" | "AppPermission" | "RoleAssignment" | "UserGroupMembership" | "DeviceEnablement";

/** One resource, described for {@link defineProvider}. */
export interface ResourceType<R extends ResourceSchema, Req extends StateKey<R> = never> extends StateRules<R, Req> {
  name: ResourceName;
  schema: R;
  /** Delete the old resource before creating its replacement (both would hold one device at once otherwise). */
  deleteBeforeReplace?: boolean;
  /**
   * The resource owns one whole EnOS object (an app, menu, permission, or a device's enablement): every create and
   * update claims it, and a delete of an object claimed in this deployment leaves it as it is. Grants claim ids
   * instead, in their own code.
   */
  ownsObject?: boolean;
  /** Added to the warning of a delete that left a claimed object alone. */
  claimedDeleteNote?: string;
  /** Keep the resource, marked, when a refresh finds its object gone, and gate its replacement (vanished.ts). */
  keepWhenGone?: VanishRule;
}

/** What a create made: the object's id and everything to record. */
export interface Created<R extends ResourceSchema> {
  id: string;
  outputs: OutputsOf<R>;
}

/** What `diff` compares: the stored state and the checked new inputs. */
export interface Change<R extends ResourceSchema, Req extends StateKey<R>> {
  olds: StoredOf<R, Req>;
  /** The new inputs; during a preview any value may still be the unknown sentinel. */
  news: PreviewedOf<R>;
  /** The new inputs when every value is known (always in `up`; in a preview, when nothing depends on a pending output). */
  known: InputsOf<R> | undefined;
  /** The replace-on inputs that differ (may differ, when unknown). */
  replaces: readonly string[];
}

/** What EnOS holds for a resource, keyed like its state. */
export type LiveOf<R extends ResourceSchema> = { [K in StateKey<R>]?: unknown };

/** What an update knows of the state before it: the inputs it recorded (when valid) and the computed outputs. */
export interface Previous<R extends ResourceSchema> {
  inputs: InputsOf<R> | undefined;
  computed: ComputedOf<R>;
}

/** What `check` hands a resource's EnOS-backed checks: the new inputs (any value may be unknown) and the old ones. */
export interface CheckRequest<R extends ResourceSchema> {
  news: PreviewedOf<R>;
  /** The inputs recorded by the last create, update or refresh (empty on create), engine keys included. */
  olds: Props;
}

/**
 * What a resource's own `diff` found beyond the inputs: `liveChange` = EnOS differs from what the unchanged inputs
 * want (drift the update will repair), so the engine must plan an update although no input changed.
 */
export interface DiffFinding {
  liveChange: boolean;
}

/** A resource's operations, on parsed values; the engine's property bags never reach them. */
export interface TypedOperations<R extends ResourceSchema, Req extends StateKey<R> = never> {
  /**
   * Checks that ask EnOS, run by `check` once the inputs pass their schema, so a mistake EnOS can reveal cheaply
   * fails `pulumi preview` (check runs there for every resource, diff only for updates). Values still unknown must
   * pass; a check that cannot ask EnOS passes too (the operation itself then reports the problem).
   */
  checkLive?(request: CheckRequest<R>): Promise<CheckFailure[]>;
  /**
   * Preview-time checks of a new resource against what EnOS holds, after its inputs passed (every value known);
   * failures fail the preview like input failures do.
   */
  checkCreate?(inputs: InputsOf<R>): Promise<CheckFailure[]>;
  /** Preview-time checks beyond the replace decision; throw (or reject) to fail the preview. */
  diff?(id: string, change: Change<R, Req>): void | DiffFinding | Promise<void | DiffFinding>;
  create(inputs: InputsOf<R>): Promise<Created<R>>;
  /**
   * What EnOS holds now, or undefined when the object is gone (the resource then leaves the stack). Keys are the
   * resource's own; a value may lie outside what the inputs accept (a console change), which is drift to show.
   */
  read(
    id: string,
    state: StoredOf<R, Req>,
    recorded: () => InputsOf<R> | undefined,
  ): Promise<LiveOf<R> | ReadUnderId<LiveOf<R>> | undefined>;
  update(id: string, olds: StoredOf<R, Req>, news: InputsOf<R>, previous: Previous<R>): Promise<OutputsOf<R>>;
  /** `recorded`: the inputs recorded in the state, when they are valid (parsed on demand). */
  delete(id: string, state: StoredOf<R, Req>, recorded: () => InputsOf<R> | undefined): Promise<void>;
  /**
   * Whether `id` stands for a create confirmed neither way (keyword/unconfirmed.ts): `diff` then replaces the
   * resource, so the engine's create finds the object by keyword and records its real id.
   */
  unconfirmed?(id: string, state: StoredOf<R, Req>): boolean;
}

/** What a read returns when the object lives under another id than the state's (the engine records the new one). */
export class ReadUnderId<L extends object> {
  constructor(
    readonly id: string,
    readonly live: L,
  ) {}
}

/**
 * What the engine calls, through the sdk's serialized shim. There is no per-resource `configure`: the shim calls the
 * package's one `configure` (provider/index.ts), since the settings are the same for every resource.
 */
export type EngineProvider = Required<Omit<dynamic.ResourceProvider, "configure">>;

/** Checked inputs (the engine's keys dropped) parsed again into their typed form. */
function parseChecked<S extends InputObject, O extends OutputShape>(
  schema: ResourceSchema<S, O>,
  props: Props,
): z.output<S> {
  const parsed = z.safeParse(schema.inputs, splitEngineKeys(props).fields);
  if (!parsed.success) throw new Error(`the inputs do not pass their check: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Checked inputs as create and update need them: every value known (the engine resolves them before calling). */
function parseKnown<S extends InputObject, O extends OutputShape>(
  schema: ResourceSchema<S, O>,
  props: Props,
): InputsOf<ResourceSchema<S, O>> {
  const inputs = parseChecked(schema, props);
  if (!isKnown(inputs)) throw new Error("an input is still unknown: the engine resolves inputs before this call");
  return inputs;
}

/** Whether `check` sees a new resource: the engine passes no old inputs then (pulumi.md A1). */
function isCreate(olds: Props | undefined): boolean {
  return Object.keys(splitEngineKeys(olds ?? {}).fields).length === 0;
}

/** Outputs without undefined values: the host's protobuf Struct conversion rejects them. */
function definedOnly(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** Runs a provider operation, re-throwing failures as "<Resource> <op> failed: ..." (partial creates keep their id). */
async function withContext<T>(resource: string, operation: ResourceOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return withResourceContext(resource, operation, error);
  }
}

/** Whether a delete must leave object `id` alone because a resource of this deployment claimed it (warns if so). */
function spareClaimed(name: ResourceName, id: string, note = ""): boolean {
  if (!isObjectClaimed(name, id)) return false;
  warn(
    `${name} '${id}' is removed from the stack but left as it is in EnOS: another resource of this stack took it ` +
      `over in this deployment (a rename without \`aliases\`, or a replacement)${note}`,
  );
  return true;
}

/** The check failure of a resource whose object vanished, unless its opt-in input allows a new one (or is unknown). */
function vanishFailures<R extends ResourceSchema>(rule: VanishRule | undefined, { news, olds }: CheckRequest<R>) {
  const id = vanishedId(olds);
  if (rule === undefined || id === undefined) return [];
  const allowed: unknown = (news as Record<string, unknown>)[rule.allowedBy];
  return allowed === true || isUnknown(allowed) ? [] : [{ property: rule.allowedBy, reason: rule.refusal(id, olds) }];
}

/** A vanished object is replaced (the check let it through): a new object, then the delete of the gone one. */
function vanishReplaces(rule: VanishRule | undefined, olds: Props): string[] {
  return rule !== undefined && vanishedId(olds) !== undefined ? [VANISHED_KEY] : [];
}

/**
 * The dynamic provider of `type`: each engine call is parsed at this boundary, run as the typed operation, and
 * failures name the resource and the operation.
 */
export function defineProvider<
  S extends InputObject,
  O extends OutputShape,
  Req extends StateKey<ResourceSchema<S, O>> = never,
>(type: ResourceType<ResourceSchema<S, O>, Req>, ops: TypedOperations<ResourceSchema<S, O>, Req>): EngineProvider {
  const { name, schema } = type;
  const stateOf = (id: string, props: Props) => readStoredState(name, schema, type, id, props ?? {});
  /** `checkCreate` on inputs with every value known (a preview may still have unknowns: nothing to ask then). */
  const checkNew = async (inputs: Props): Promise<CheckFailure[]> => {
    if (ops.checkCreate === undefined) return [];
    const parsed = parseChecked(schema, inputs);
    return isKnown(parsed) ? ops.checkCreate(parsed) : [];
  };
  const claim = (id: string) => {
    if (type.ownsObject) claimObject(name, id);
  };
  return {
    check: (olds: Props, news: Props) =>
      withContext(name, "check", async () => {
        const outcome = checkInputs(schema, news, { orgId: currentSettings().orgId });
        if (outcome.failures.length > 0 || outcome.inputs === undefined)
          return { inputs: news, failures: outcome.failures };
        const request = { news: parseChecked(schema, outcome.inputs), olds: olds ?? {} };
        const failures = [...vanishFailures(type.keepWhenGone, request), ...((await ops.checkLive?.(request)) ?? [])];
        if (failures.length === 0 && isCreate(olds)) failures.push(...(await checkNew(outcome.inputs)));
        return failures.length > 0 ? { inputs: news, failures } : { inputs: outcome.inputs };
      }),
    diff: (id: string, olds: Props, news: Props) =>
      withContext(name, "diff", async (): Promise<dynamic.DiffResult> => {
        // changes: true, since the inputs may be the same: only a replacement gives the resource its real id.
        if (ops.unconfirmed?.(id, stateOf(id, olds))) return { changes: true, replaces: ["keyword"] };
        const replaces = [...replacesFor(olds, news, schema.replaceOn), ...vanishReplaces(type.keepWhenGone, olds)];
        if (ops.diff !== undefined) {
          const previewed = parseChecked(schema, news);
          const known = isKnown(previewed) ? previewed : undefined;
          const finding = await ops.diff(id, { olds: stateOf(id, olds), news: previewed, known, replaces });
          // Only when no input changed: `changes` set by us hides the engine's per-property diff (pulumi.md A3).
          if (finding?.liveChange === true && replaces.length === 0) return { changes: true };
        }
        if (replaces.length === 0) return {};
        return type.deleteBeforeReplace ? { replaces, deleteBeforeReplace: true } : { replaces };
      }),
    create: (props: Props) =>
      withContext(name, "create", async (): Promise<dynamic.CreateResult> => {
        try {
          const { id, outputs } = await ops.create(parseKnown(schema, props));
          claim(id);
          return { id, outs: definedOnly(outputs) };
        } catch (error) {
          if (!isPartialCreateError(error)) throw error;
          // Recorded in the stack too, so claimed; the host adds no `__provider` on this path.
          claim(error.id);
          throw withEngineKeys(error, splitEngineKeys(props).engine);
        }
      }),
    read: (id: string, props?: Props) =>
      withContext(name, "read", async (): Promise<dynamic.ReadResult> => {
        const state = stateOf(id, props ?? {});
        const found = await ops.read(id, state, () => recordedInputs(schema, state));
        if (found === undefined) return type.keepWhenGone ? vanishedRead(schema, id, props ?? {}) : {};
        const [liveId, live] = found instanceof ReadUnderId ? [found.id, found.live] : [id, found];
        const outs = definedOnly(live);
        return { id: liveId, props: outs, inputs: pickInputs(schema, outs) };
      }),
    update: (id: string, olds: Props, news: Props) =>
      withContext(name, "update", async (): Promise<dynamic.UpdateResult> => {
        const state = stateOf(id, olds);
        const previous = { inputs: recordedInputs(schema, state), computed: storedComputed(schema, state) };
        const outputs = await ops.update(id, state, parseKnown(schema, news), previous);
        claim(id);
        return { outs: definedOnly(outputs) };
      }),
    delete: (id: string, props: Props) =>
      withContext(name, "delete", async () => {
        if (type.ownsObject && spareClaimed(name, id, type.claimedDeleteNote)) return;
        const state = stateOf(id, props);
        await ops.delete(id, state, () => recordedInputs(schema, state));
      }),
  };
}
