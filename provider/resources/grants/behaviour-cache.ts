/**
 * Where a provider process keeps what it learned of each OU's grant endpoints (write-behaviour.ts): one record per
 * client (so per gateway and service account), OU, grant kind and `enos:grantWriteMode`. The engine runs every
 * resource of a deployment in one provider process, so the first write of a kind in an OU teaches the rest of the
 * deployment; a new process (the next `pulumi up`) learns again, so a gateway upgraded in between is never judged by
 * an old answer.
 */
import type { EnosClient } from "../../client";
import type { GrantWriteModeSetting } from "../../client/settings";
import { perClient } from "../kit/per-client";
import { initialBehaviour, type WriteBehaviour } from "./write-behaviour";

/** The two grant kinds, each with its own append/remove endpoints. */
export type GrantEndpoint = "roles" | "userGroups";

const behavioursOf = perClient((_client: EnosClient) => new Map<string, WriteBehaviour>());

/** The (shared, mutable) record for `orgId`'s `endpoint` under `setting`, created on first use. */
export function behaviourFor(
  client: EnosClient,
  orgId: string,
  endpoint: GrantEndpoint,
  setting: GrantWriteModeSetting | undefined,
): WriteBehaviour {
  const byKey = behavioursOf(client);
  const key = `${setting ?? "auto"}/${endpoint}/${orgId}`;
  let behaviour = byKey.get(key);
  if (behaviour === undefined) {
    behaviour = initialBehaviour(setting);
    byKey.set(key, behaviour);
  }
  return behaviour;
}
