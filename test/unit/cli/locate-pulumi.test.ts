import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { locatePulumi } from "../../../cli/engine/pulumi-command";

/** The version scripts/ensure-pulumi builds (its PULUMI_VERSION line). */
function ensurePulumiVersion(): string {
  const script = fs.readFileSync(path.join(__dirname, "..", "..", "..", "scripts", "ensure-pulumi"), "utf8");
  const match = /^PULUMI_VERSION="(v[\d.]+)"$/m.exec(script);
  if (match?.[1] === undefined) throw new Error("scripts/ensure-pulumi has no PULUMI_VERSION line");
  return match[1];
}

/** An executable file at `file`. */
function fakeBinary(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
}

describe("locatePulumi", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "locate-pulumi-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("finds the build scripts/ensure-pulumi caches, under the version that script builds", () => {
    const cached = path.join(dir, "cache", `pulumi-${ensurePulumiVersion()}`, "bin", "pulumi");
    fakeBinary(cached);
    expect(locatePulumi({ PATH: path.join(dir, "empty"), PULUMI_ENOS_CACHE: path.join(dir, "cache") })).toBe(cached);
  });

  it("prefers a pulumi on PATH, and finds none when neither is there", () => {
    const onPath = path.join(dir, "bin", "pulumi");
    fakeBinary(onPath);
    const cache = path.join(dir, "cache");
    expect(locatePulumi({ PATH: path.join(dir, "bin"), PULUMI_ENOS_CACHE: cache })).toBe(onPath);
    expect(locatePulumi({ PATH: path.join(dir, "empty"), PULUMI_ENOS_CACHE: cache })).toBeUndefined();
  });
});
