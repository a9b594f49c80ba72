import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { applyIgnores, readIgnoreFile, today } from "../../../cli/drift/ignore-file";
import { emptyStackReport } from "../../../cli/review/analyze-preview";
import type { StackReport } from "../../../cli/report/schema";

const ref = (name: string) => ({ type: "RoleAssignment", name, urn: `urn:pulumi:dev::p::t::${name}` });

function drifted(): StackReport {
  const report = emptyStackReport("p", "dev");
  report.users = [
    {
      user: { id: "u-bob", name: "Bob" },
      orgId: "o",
      grants: [],
      notes: [],
      changes: [
        {
          kind: "role",
          action: "gain",
          item: { id: "r-a", name: "A" },
          resource: ref("bob"),
          cause: "drift",
          effect: "applied",
        },
        { kind: "role", action: "gain", item: { id: "r-b" }, resource: ref("bob"), cause: "drift", effect: "applied" },
      ],
    },
  ];
  report.devices = [
    {
      resource: { ...ref("t7"), type: "DeviceEnablement" },
      assetId: "a-7",
      action: "enable",
      cause: "drift",
      effect: "applied",
    },
  ];
  return report;
}

function write(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ignore-")), ".enos-drift-ignore.json");
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

test("a current entry moves its drift to `ignored` with reason and date; an expired one is reported again", () => {
  const entries = readIgnoreFile(
    write({
      version: 1,
      ignore: [
        { resource: "bob", id: "r-a", reason: "audit season", until: "2030-06-30" },
        { resource: "t7", reason: "maintenance", until: "2024-01-31" },
        { stack: "prod", resource: "bob", reason: "another stack", until: "2030-01-01" },
      ],
    }),
    "f",
  );
  const report = drifted();
  applyIgnores(report, entries, "2025-02-01");
  expect(report.users[0]?.changes.map((c) => c.item.id)).toEqual(["r-b"]);
  expect(report.ignored).toEqual([
    { what: 'role A (r-a) of Bob (u-bob) (RoleAssignment "bob")', reason: "audit season", until: "2030-06-30" },
  ]);
  expect(report.devices).toHaveLength(1);
  expect(report.expiredIgnores).toEqual([expect.objectContaining({ reason: "maintenance", until: "2024-01-31" })]);
});

test("an entry holds through the whole day of its `until`", () => {
  const entries = readIgnoreFile(
    write({ version: 1, ignore: [{ resource: "*", reason: "r", until: "2025-02-01" }] }),
    "f",
  );
  const report = drifted();
  applyIgnores(report, entries, "2025-02-01");
  expect(report.users).toEqual([]);
  expect(report.devices).toEqual([]);
  expect(today(new Date("2025-02-01T23:59:59Z"))).toBe("2025-02-01");
});

test.each([
  ["not JSON", "{", /ignore file f is not JSON/],
  ["no reason", { version: 1, ignore: [{ resource: "x", until: "2030-01-01" }] }, /ignore\.0\.reason: /],
  [
    "a bad date",
    { version: 1, ignore: [{ resource: "x", reason: "r", until: "next year" }] },
    /ignore\.0\.until: must be a date YYYY-MM-DD/,
  ],
  ["nothing to match", { version: 1, ignore: [{ reason: "r", until: "2030-01-01" }] }, /needs `resource` or `user`/],
  [
    "an unknown key",
    { version: 1, ignore: [{ resource: "x", reason: "r", until: "2030-01-01", expires: 1 }] },
    /ignore\.0/,
  ],
])("a file with %s is refused, naming the entry and field", (_what, content, message) => {
  expect(() => readIgnoreFile(write(content), "f")).toThrow(message);
});
