/**
 * The fault profiles of issue 11, each a rule that places faults on one phase's write routes with the seeded PRNG:
 * which routes (always at least one app/menu/permission write and one grant write), which status, how many in a
 * row. The shapes that reproduce the defects are fixed, only their placement is random: a create hit twice
 * in a row (5xx, resets), a create reset and then its re-send dropped after commit, every grant write of a phase
 * dropped after commit.
 */
import type { FaultSpec } from "../../emulator";
import { between, pick, sample, type Random } from "./prng";
import { PHASE_ROUTES, type Phase, type Route } from "./routes";

/** enos:timeoutMs of the matrix's stack; the latency profile answers later than this. */
export const CLIENT_TIMEOUT_MS = 2000;

export interface Profile {
  /** Short id, also part of the app keyword. */
  id: string;
  /** What the profile does, for the figures table and README. */
  title: string;
  faults(random: Random, phase: Phase): FaultSpec[];
}

/** The routes a profile hits in a phase: two keyword writes, one grant write, the device write half the time. */
interface Targets {
  keyword: Route[];
  grants: Route[];
  devices: Route[];
}

function targets(random: Random, phase: Phase, allGrants = false): Targets {
  const routes = PHASE_ROUTES[phase];
  return {
    keyword: sample(random, routes.keyword, 2),
    grants: allGrants ? routes.grants : [pick(random, routes.grants)],
    devices: random() < 0.5 ? [pick(random, routes.devices)] : [],
  };
}

const all = (t: Targets): Route[] => [...t.keyword, ...t.grants, ...t.devices];

/** One fault per target; `first` shapes the first keyword write's (the one that reproduces defect 1). */
function perTarget(t: Targets, each: (route: Route) => FaultSpec, first?: (route: Route) => FaultSpec[]): FaultSpec[] {
  const [lead, ...rest] = all(t);
  if (lead === undefined) return [];
  return [...(first ? first(lead) : [each(lead)]), ...rest.map(each)];
}

const GATEWAY_5XX = [500, 502, 503, 504];

export const PROFILES: readonly Profile[] = [
  {
    id: "429-ra",
    title: "429 with Retry-After: 1 (1-2 in a row)",
    faults: (random, phase) =>
      perTarget(targets(random, phase), (route) => ({
        route,
        status: 429,
        retryAfter: 1,
        count: between(random, 1, 2),
      })),
  },
  {
    id: "429",
    title: "429 without Retry-After (1-3 in a row)",
    faults: (random, phase) =>
      perTarget(targets(random, phase), (route) => ({ route, status: 429, count: between(random, 1, 3) })),
  },
  {
    id: "5xx",
    title: "5xx bursts (500/502/503/504, 1-3 in a row; 2-3 on one create)",
    faults: (random, phase) =>
      perTarget(
        targets(random, phase),
        (route) => ({ route, status: pick(random, GATEWAY_5XX), count: between(random, 1, 3) }),
        (route) => [{ route, status: pick(random, GATEWAY_5XX), count: between(random, 2, 3) }],
      ),
  },
  {
    id: "reset",
    title: "connection reset before forwarding (1-3 in a row; 2-3 on one create)",
    faults: (random, phase) =>
      perTarget(
        targets(random, phase),
        (route) => ({ route, kind: "reset", count: between(random, 1, 3) }),
        (route) => [{ route, kind: "reset", count: between(random, 2, 3) }],
      ),
  },
  {
    id: "latency",
    title: `answer after ${CLIENT_TIMEOUT_MS + 600} ms, past the ${CLIENT_TIMEOUT_MS} ms client timeout (committed late)`,
    // One keyword write and one grant write: each hit costs the client timeout in wall time.
    faults: (random, phase) => {
      const t = targets(random, phase);
      const routes = [t.keyword[0], t.grants[0]].filter((route) => route !== undefined);
      return routes.map((route) => ({ route, latencyMs: CLIENT_TIMEOUT_MS + 600 }));
    },
  },
  {
    id: "drop",
    title: "commit, then drop the answer (every grant write; one create reset first)",
    faults: (random, phase) =>
      perTarget(
        targets(random, phase, true),
        (route) => ({ route, kind: "commit-then-drop" }),
        (route) => [
          { route, kind: "reset" },
          { route, kind: "commit-then-drop" },
        ],
      ),
  },
  {
    id: "token",
    title: "access token expired just before the call",
    faults: (random, phase) => perTarget(targets(random, phase), (route) => ({ route, kind: "expire-token" })),
  },
  {
    id: "mix",
    title: "a mix: each of four write routes gets one of the kinds above",
    faults: (random, phase) => {
      const routes = PHASE_ROUTES[phase];
      const chosen = sample(random, [...routes.keyword, ...routes.grants, ...routes.devices], 4);
      return chosen.map((route) => mixed(random, route));
    },
  },
];

/** One fault of a random kind (latency rarely: it costs wall time). */
function mixed(random: Random, route: Route): FaultSpec {
  const roll = random();
  if (roll < 0.15) return { route, status: 429, retryAfter: 1 };
  if (roll < 0.3) return { route, status: 429, count: between(random, 1, 2) };
  if (roll < 0.5) return { route, status: pick(random, GATEWAY_5XX), count: between(random, 1, 2) };
  if (roll < 0.65) return { route, kind: "reset", count: between(random, 1, 2) };
  if (roll < 0.85) return { route, kind: "commit-then-drop" };
  if (roll < 0.95) return { route, kind: "expire-token" };
  return { route, latencyMs: CLIENT_TIMEOUT_MS + 600 };
}

/** A PRNG seed per (matrix seed, profile, phase), so one slot's faults do not shift when another changes. */
export function profileSeed(seed: number, profile: Profile, phase: Phase): number {
  let hash = seed >>> 0;
  for (const char of `${profile.id}/${phase}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash;
}
