import * as fs from "node:fs";
import * as path from "node:path";
import { configSchemaOf, parsePolicyConfig } from "../../../policy/config";
import { PolicyInputError, stackConfigFromEnv } from "../../../policy";
import { idsNamed, labelOf } from "../../../policy/catalog";
import { enosPolicies, ENOS_TYPES } from "../../../policy";
import { privilegedRolesConfig } from "../../../policy";
import { ROLES } from "./fixtures";

const root = path.resolve(__dirname, "..", "..", "..");

describe("the policy pack", () => {
  it("serves seven uniquely named rules, each with a level and a config schema with defaults", () => {
    const policies = enosPolicies();
    expect(policies.map((p) => [p.name, p.enforcementLevel])).toEqual([
      ["enos-privileged-roles", "mandatory"],
      ["enos-separation-of-duties", "mandatory"],
      ["enos-exhaustive-grants", "mandatory"],
      ["enos-device-blast-radius", "mandatory"],
      ["enos-protected-devices", "mandatory"],
      ["enos-app-hygiene", "advisory"],
      ["enos-privileged-groups", "mandatory"],
    ]);
    for (const policy of policies) {
      const properties = Object.values(policy.configSchema?.properties ?? {});
      expect(properties.length).toBeGreaterThan(0);
      for (const property of properties) expect(property).toHaveProperty("default");
    }
  });

  it("ships a pack directory whose version is the package's", () => {
    const pack = path.join(root, "policy", "pack");
    const version = (file: string) => (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    expect(version(path.join(pack, "package.json"))).toBe(version(path.join(root, "package.json")));
    expect(fs.readFileSync(path.join(pack, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
    expect(fs.readFileSync(path.join(pack, "index.js"), "utf8")).toContain('require("pulumi-enos/policy")');
  });

  it("matches our resources by their dynamic type", () => {
    expect(ENOS_TYPES.RoleAssignment).toBe("pulumi-nodejs:dynamic/enos:RoleAssignment");
  });

  it("derives draft-7 JSON schemas the engine can validate config with", () => {
    expect(configSchemaOf(privilegedRolesConfig).properties["roleNames"]).toEqual({
      default: ["Organization Administrator"],
      description: expect.any(String),
      type: "array",
      items: { type: "string", minLength: 1 },
    });
  });

  it("takes enforcementLevel out of the config it validates", () => {
    expect(
      parsePolicyConfig("p", privilegedRolesConfig, { enforcementLevel: "advisory", allowedUserIds: ["u"] }),
    ).toEqual({
      roleIds: [],
      roleNames: ["Organization Administrator"],
      allowedUserIds: ["u"],
    });
  });

  it("reports config mistakes without a stack trace (the engine prints an error's stack)", () => {
    let thrown: unknown;
    try {
      parsePolicyConfig("p", privilegedRolesConfig, { allowedUsers: [] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyInputError);
    expect((thrown as Error).stack).toBe(
      'PolicyInputError: invalid policy config: p: Unrecognized key: "allowedUsers" (unknown keys: allowedUsers)',
    );
  });

  it("reads the stack config the engine passes in PULUMI_CONFIG", () => {
    const config = stackConfigFromEnv({ PULUMI_CONFIG: JSON.stringify({ "enos:orgId": "o-demo" }) });
    expect(config.get("enos:orgId")).toBe("o-demo");
    expect(stackConfigFromEnv({ PULUMI_CONFIG: "not json" }).get("enos:orgId")).toBeUndefined();
    expect(stackConfigFromEnv({}).get("enos:orgId")).toBeUndefined();
  });

  it("names roles by id and name", () => {
    expect([...idsNamed(ROLES, ["VIEWER", "nobody"])]).toEqual(["r-viewer"]);
    expect(labelOf("r-viewer", ROLES)).toBe('r-viewer ("Viewer")');
    expect(labelOf("r-x", ROLES)).toBe("r-x (name unknown)");
  });
});
