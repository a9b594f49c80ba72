/**
 * The Markdown report, ready for a pull-request comment or an issue: a hidden marker (so a workflow finds and
 * updates its one comment per stack), the headline, the risk flags, then the details per stack within a size budget.
 */
import type { Report, StackReport } from "../report/schema";
import { fitToBudget, type Section } from "./budget";
import {
  appItem,
  deviceItem,
  driftUserItems,
  guardrailItem,
  ignoredItem,
  otherItem,
  policyItem,
  unmanagedItem,
  USERS_HEADER,
  userRow,
  warningItem,
} from "./markdown-items";
import { code, md, prose } from "./markdown-text";
import { count, coverageText } from "./words";

const COLLAPSE_AFTER = 12;

/** `<!-- pulumi-enos:review enos-gitops/demo -->`: what a workflow searches for to update its comment. */
export function markerOf(report: Report): string {
  return `<!-- pulumi-enos:${report.command} ${report.stacks.map((s) => `${s.project}/${s.stack}`).join(" ")} -->`;
}

function title(report: Report): string {
  const project = report.stacks[0]?.project ?? "";
  const stacks = report.stacks.map((s) => code(s.stack)).join(", ");
  const what = report.command === "review" ? "EnOS review" : "EnOS drift";
  return `## ${what} · ${code(project)} · ${stacks}`;
}

function riskBlock(report: Report): string[] {
  if (report.risks.length === 0) return [];
  const alert = report.risks.some((r) => r.code !== "policy" && r.code !== "blocked") ? "CAUTION" : "WARNING";
  return [`> [!${alert}]`, ...report.risks.map((risk) => `> - **${md(risk.code)}**: ${prose(risk.message)}`), ""];
}

function moreLine(noun: string, plural: string) {
  return (n: number) => `_… and ${count(n, noun, plural)} more: run with \`--format json\` for all of them._`;
}

function section(heading: string, items: string[][], noun: string, plural: string, frame?: Section["frame"]): Section {
  return {
    head: [heading, ""],
    items,
    ...(frame ? { frame } : {}),
    more: moreLine(noun, plural),
    collapse: { after: COLLAPSE_AFTER, summary: `${count(items.length, noun, plural)}` },
  };
}

interface Part {
  heading: string;
  items: string[][];
  noun: string;
  plural: string;
  frame?: Section["frame"];
  intro?: string;
}

/** What stopped or flagged the preview: the first thing a reader needs. */
function problems(stack: StackReport): Part[] {
  const failed =
    stack.status === "failed" && stack.guardrails.length === 0 ? [[`**${prose(stack.error ?? "failed")}**`]] : [];
  return [
    { heading: "Failed", items: failed, noun: "error", plural: "errors" },
    {
      heading: "Blocked by guardrails and errors",
      items: stack.guardrails.map(guardrailItem),
      noun: "error",
      plural: "errors",
    },
    { heading: "Policy violations", items: stack.policy.map(policyItem), noun: "violation", plural: "violations" },
  ];
}

function changes(report: Report, stack: StackReport): Part[] {
  const users: Part =
    report.command === "review"
      ? {
          heading: "Users",
          items: stack.users.map(userRow),
          noun: "user",
          plural: "users",
          frame: (lines) => [...USERS_HEADER, ...lines],
        }
      : { heading: "Users", items: stack.users.flatMap(driftUserItems), noun: "user change", plural: "user changes" };
  return [
    users,
    { heading: "Apps, menus and permissions", items: stack.apps.map(appItem), noun: "app", plural: "apps" },
    { heading: "Devices", items: stack.devices.map(deviceItem), noun: "device", plural: "devices" },
  ];
}

function unmanagedParts(stack: StackReport, many: boolean): Part[] {
  return (stack.unmanaged ?? []).map((unmanaged) => {
    const listed = unmanaged.grants.length > 0;
    const then = listed
      ? "Grants no RoleAssignment or UserGroupMembership covers, privileged first:"
      : "Every grant is covered.";
    const intro = unmanaged.error ? prose(unmanaged.error) : `${coverageText(unmanaged, many)}. ${then}`;
    const heading = `Unmanaged in OU ${code(unmanaged.orgId)}`;
    return { heading, items: unmanaged.grants.map(unmanagedItem), noun: "grant", plural: "grants", intro };
  });
}

function rest(stack: StackReport): Part[] {
  return [
    { heading: "Other changes", items: stack.other.map(otherItem), noun: "change", plural: "changes" },
    {
      heading: "Ignored (.enos-drift-ignore.json)",
      items: stack.ignored.map((i) => ignoredItem(i, "until")),
      noun: "ignored drift",
      plural: "ignored drifts",
    },
    {
      heading: "Expired ignore entries (reported again)",
      items: stack.expiredIgnores.map((i) => ignoredItem(i, "expired")),
      noun: "entry",
      plural: "entries",
    },
    { heading: "Warnings", items: stack.warnings.map(warningItem), noun: "warning", plural: "warnings" },
  ];
}

function stackSections(report: Report, stack: StackReport): Section[] {
  const many = report.stacks.length > 1;
  const level = many ? "####" : "###";
  const parts = [...problems(stack), ...changes(report, stack), ...unmanagedParts(stack, many), ...rest(stack)];
  const sections = parts
    .filter((part) => part.items.length > 0 || part.intro !== undefined)
    .map((part) => {
      const built = section(`${level} ${part.heading}`, part.items, part.noun, part.plural, part.frame);
      return part.intro === undefined ? built : { ...built, head: [...built.head, part.intro, ""] };
    });
  if (sections.length === 0) {
    const none = report.command === "review" ? "The preview changes nothing in EnOS." : "No drift.";
    sections.push({ head: [none, ""], items: [], more: () => "" });
  }
  return many ? [{ head: [`### ${code(stack.stack)}`, ""], items: [], more: () => "" }, ...sections] : sections;
}

function footer(report: Report): string[] {
  const notes = report.notes;
  const calls =
    report.command === "drift" && report.stats.engineCalls !== undefined
      ? `${report.stats.engineCalls + report.stats.lookupCalls} EnOS API calls (refresh ${report.stats.engineCalls}, names and users ${report.stats.lookupCalls})`
      : `names resolved with ${count(report.stats.lookupCalls, "EnOS call")}`;
  const lines = [
    "---",
    `<sub>pulumi-enos ${report.command} · ${calls} · report schema v${report.version} · \`--format json\` has every detail</sub>`,
  ];
  return notes.length > 0 ? [...notes.map((note) => `<sub>${prose(note)}</sub>`), "", ...lines] : lines;
}

export function renderMarkdown(report: Report, budget?: number): string {
  const head = [markerOf(report), title(report), "", `**${md(report.headline)}**`, "", ...riskBlock(report)];
  const sections = report.stacks.flatMap((stack) => stackSections(report, stack));
  return fitToBudget(head, sections, footer(report), budget);
}
