import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseState, type SeedData, type StateData } from "./state-schema";

/**
 * Where the default seed lives: next to this module when running from source (ts-jest), and two levels up from
 * dist/emulator/ when compiled (tsc does not copy the JSON; package.json ships emulator/seed.json).
 */
const DEFAULT_SEED_CANDIDATES = [
  path.resolve(__dirname, "seed.json"),
  path.resolve(__dirname, "../../emulator/seed.json"),
];

/** Reads a seed given as a path, an object, or nothing (the bundled emulator/seed.json). */
export function loadSeed(seed: string | SeedData | undefined): StateData {
  if (typeof seed === "object") return parseState(seed, "seed object");
  const file = seed ?? DEFAULT_SEED_CANDIDATES.find((candidate) => existsSync(candidate));
  if (file === undefined)
    throw new Error(`emulator seed.json not found (looked in ${DEFAULT_SEED_CANDIDATES.join(", ")})`);
  return parseState(JSON.parse(readFileSync(file, "utf8")) as unknown, file);
}

/**
 * Holds the mutable state, the seed it resets to, and the optional state file. Route handlers change `data` in place
 * and then call `commit()`, which persists (when configured) so a restarted emulator sees every change.
 */
export class Store {
  data: StateData;
  private seed: StateData;

  constructor(
    seed: StateData,
    private readonly stateFile: string | undefined,
  ) {
    this.seed = structuredClone(seed);
    this.data = this.loadStateFile() ?? structuredClone(seed);
  }

  /** Back to the seed (the current one: POST /__emulator/seed replaces it). */
  reset(): void {
    this.data = structuredClone(this.seed);
    this.commit();
  }

  /** Replaces the seed and resets to it. */
  reseed(seed: StateData): void {
    this.seed = structuredClone(seed);
    this.reset();
  }

  snapshot(): StateData {
    return structuredClone(this.data);
  }

  /** A readable, never reused id such as "app-7"; the counter is part of the persisted state. */
  nextId(prefix: string): string {
    this.data.sequence += 1;
    return `${prefix}-${this.data.sequence}`;
  }

  /** Persists after a mutation: write a temp file, then rename, so a crash never leaves half a JSON document. */
  commit(): void {
    if (this.stateFile === undefined) return;
    const temp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.data, null, 2)}\n`);
    renameSync(temp, this.stateFile);
  }

  private loadStateFile(): StateData | undefined {
    if (this.stateFile === undefined || !existsSync(this.stateFile)) return undefined;
    return parseState(JSON.parse(readFileSync(this.stateFile, "utf8")) as unknown, this.stateFile);
  }
}
