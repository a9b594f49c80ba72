import { captureFromPreviewJson } from "../../../cli/engine/from-preview-json";
import { captureEvents } from "../../../cli/engine/from-events";
import { oneLine } from "../../../cli/errors";
import type { EngineEvent } from "@pulumi/pulumi/automation";

const PROVIDER = "exports.handler = __f0; /* the serialized dynamic provider */";
const URN = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/enos:RoleAssignment::alice";

test("a saved preview: steps and refresh steps apart, __provider dropped, debug lines counted not shown", () => {
  const saved = {
    steps: [
      {
        op: "refresh",
        urn: URN,
        oldState: {
          id: "o/u",
          type: "pulumi-nodejs:dynamic/enos:RoleAssignment",
          inputs: { __provider: PROVIDER, roleIds: ["a"] },
        },
      },
      {
        op: "update",
        urn: URN,
        oldState: { inputs: { __provider: PROVIDER } },
        newState: { inputs: { __provider: PROVIDER, roleIds: ["b"] } },
        diffReasons: ["roleIds"],
      },
    ],
    diagnostics: [
      {
        message: "[enos] GET /app-portal-service/v2.2/organization/role/list?orgId=o -> 200 code=0 (5 ms)\n",
        severity: "info#err",
      },
      { message: "warning: AppMenu 'menu-1' was deleted outside Pulumi\n\n", severity: "info#err" },
      { message: "    at stack trace line\n", severity: "info#err" },
    ],
    changeSummary: { update: 1 },
  };
  const capture = captureFromPreviewJson(JSON.stringify(saved), "preview.json");
  expect(capture.refreshed.map((s) => s.op)).toEqual(["refresh"]);
  expect(capture.steps[0]?.new?.inputs).toEqual({ roleIds: ["b"] });
  expect(JSON.stringify(capture)).not.toContain("__provider");
  expect(capture.enosCalls).toBe(1);
  expect(capture.diagnostics).toEqual([
    { severity: "warning", message: "AppMenu 'menu-1' was deleted outside Pulumi" },
  ]);
  expect(capture.failed).toBe(false);
});

test("a preview that failed has no changeSummary", () => {
  const capture = captureFromPreviewJson(
    JSON.stringify({ steps: [], diagnostics: [{ message: "error: boom\n", severity: "error", urn: URN }] }),
    "p",
  );
  expect(capture.failed).toBe(true);
  expect(capture.diagnostics).toEqual([{ severity: "error", message: "boom", urn: URN }]);
});

test.each([
  ["not JSON", "nope", /^p is not JSON: save the preview with `pulumi preview --json > preview.json`$/],
  [
    "some other JSON",
    '{"name": "pkg"}',
    /^p is not the output of `pulumi preview --json` \(steps: .*\): save the preview/,
  ],
])("%s is refused with the fix", (_what, text, message) => {
  let line = "";
  try {
    captureFromPreviewJson(text, "p");
  } catch (error) {
    line = oneLine(error);
  }
  expect(line).toMatch(message);
});

test("engine events: the refresh result is the resOutputsEvent after a refresh step, policy events are kept", () => {
  const { onEvent, capture } = captureEvents();
  const metadata = (op: string, inputs: Record<string, unknown>) => ({
    op,
    urn: URN,
    type: "pulumi-nodejs:dynamic/enos:RoleAssignment",
    provider: "",
    old: {
      type: "t",
      urn: URN,
      id: "o/u",
      parent: "",
      provider: "",
      inputs: { __provider: PROVIDER, roleIds: ["a"] },
      outputs: {},
    },
    new: {
      type: "t",
      urn: URN,
      id: "o/u",
      parent: "",
      provider: "",
      inputs: { __provider: PROVIDER, ...inputs },
      outputs: {},
    },
  });
  const events = [
    { resourcePreEvent: { metadata: metadata("refresh", { roleIds: ["a"] }) } },
    { resOutputsEvent: { metadata: metadata("update", { roleIds: ["a", "x"] }) } },
    { resourcePreEvent: { metadata: metadata("update", { roleIds: ["b"] }) } },
    {
      policyEvent: {
        message: "no admins\n",
        policyName: "no-admin",
        policyPackName: "enos",
        enforcementLevel: "mandatory",
        resourceUrn: URN,
        color: "",
        policyPackVersion: "1",
        policyPackVersionTag: "1",
      },
    },
    { diagnosticEvent: { severity: "error", message: "error: preview failed\n", color: "" } },
    { summaryEvent: { result: "failed" } },
  ] as unknown as EngineEvent[];
  events.forEach(onEvent);
  expect(capture.refreshed[0]?.new?.inputs).toEqual({ roleIds: ["a", "x"] });
  expect(capture.steps.map((s) => s.op)).toEqual(["update"]);
  expect(capture.policy).toEqual([
    { policyPack: "enos", policy: "no-admin", enforcement: "mandatory", message: "no admins", urn: URN },
  ]);
  expect(capture.diagnostics).toEqual([{ severity: "error", message: "preview failed" }]);
  expect(capture.failed).toBe(true);
});
