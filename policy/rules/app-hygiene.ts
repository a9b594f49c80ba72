/**
 * Rule 5: app hygiene, as far as the inputs show it: app and menu URLs use https and carry no credentials, a mobile
 * app has no URL, keywords of apps, menus and permissions follow a pattern, and optionally apps describe themselves
 * and do not `adopt` (take over) an existing app. Advisory by default. Messages never quote a URL: one may embed a
 * password.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { configSchemaOf, parsePolicyConfig, type RawPolicyConfig } from "../config";
import {
  appMenuProps,
  appPermissionProps,
  enosAppProps,
  subjectOf,
  type AppMenuProps,
  type AppPermissionProps,
  type EnosAppProps,
  type Subject,
} from "../resources";
import { PolicyInputError } from "../errors";

export const APP_HYGIENE = "enos-app-hygiene";

export const appHygieneConfig = z.object({
  requireHttps: z.boolean().default(true).describe("app and menu URLs must use https"),
  keywordPattern: z
    .string()
    .default("^[a-z0-9]+([._-][a-z0-9]+)*$")
    .describe("regular expression every app, menu and permission keyword must match"),
  requireDescription: z.boolean().default(false).describe("every EnosApp must set a description"),
  allowAdopt: z.boolean().default(true).describe("EnosApp may set adopt: true (take over an existing app)"),
});
export type AppHygieneConfig = z.output<typeof appHygieneConfig>;

export type AppItem =
  | { kind: "EnosApp"; subject: Subject<EnosAppProps> }
  | { kind: "AppMenu"; subject: Subject<AppMenuProps> }
  | { kind: "AppPermission"; subject: Subject<AppPermissionProps> };

function keywordRegex(config: AppHygieneConfig): RegExp {
  try {
    return new RegExp(config.keywordPattern);
  } catch (error) {
    throw new PolicyInputError(
      `invalid policy config: ${APP_HYGIENE}.keywordPattern is not a regular expression (${String(error)})`,
    );
  }
}

/** What is wrong with a URL, without quoting it; undefined when nothing is. */
function urlProblem(url: string, config: AppHygieneConfig): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // a relative menu path; the provider validates the app URL's form
  }
  if (parsed.username !== "" || parsed.password !== "") return "carries a user name or password";
  if (config.requireHttps && parsed.protocol !== "https:") return `uses ${parsed.protocol} instead of https:`;
  return undefined;
}

const fixHint = `(${APP_HYGIENE} in the policy pack config)`;

export function appHygieneViolations(item: AppItem, config: AppHygieneConfig): string[] {
  const { kind, subject } = item;
  const what = `${kind} '${subject.name}'`;
  const messages: string[] = [];
  if (!keywordRegex(config).test(subject.props.keyword)) {
    messages.push(
      `${what} has keyword '${subject.props.keyword}', which does not match ${APP_HYGIENE}.keywordPattern ` +
        `${config.keywordPattern}; rename the keyword, or change the pattern ${fixHint}`,
    );
  }
  if (item.kind === "EnosApp") {
    const app = item.subject.props;
    if (app.type === "mobile" && app.url !== undefined && app.url !== "") {
      messages.push(`${what} is a mobile app but sets url; a mobile app has no URL: remove url or use type "web"`);
    }
    if ((app.description === undefined || app.description === null) && config.requireDescription) {
      messages.push(`${what} has no description; add one, or set ${APP_HYGIENE}.requireDescription false ${fixHint}`);
    }
    if (app.adopt === true && !config.allowAdopt) {
      messages.push(
        `${what} sets adopt: true (takes over an existing app with keyword '${app.keyword}', its service account ` +
          `included); import it deliberately and drop adopt, or set ${APP_HYGIENE}.allowAdopt true ${fixHint}`,
      );
    }
  }
  const url = item.kind === "AppPermission" ? undefined : item.subject.props.url;
  const problem = url ? urlProblem(url, config) : undefined;
  if (problem !== undefined) {
    messages.push(
      `${what}: url ${problem}; use an https URL without credentials` +
        (problem.startsWith("uses") ? `, or set ${APP_HYGIENE}.requireHttps false ${fixHint}` : ""),
    );
  }
  return messages;
}

export function appHygienePolicy(): ResourceValidationPolicy {
  return {
    name: APP_HYGIENE,
    description: "Apps, menus and permissions: https URLs without credentials, keyword pattern, no URL on mobile apps.",
    enforcementLevel: "advisory",
    configSchema: configSchemaOf(appHygieneConfig),
    validateResource: (args, reportViolation) => {
      const app = subjectOf(args, "EnosApp", enosAppProps);
      const menu = subjectOf(args, "AppMenu", appMenuProps);
      const permission = subjectOf(args, "AppPermission", appPermissionProps);
      const item: AppItem | undefined = app
        ? { kind: "EnosApp", subject: app }
        : menu
          ? { kind: "AppMenu", subject: menu }
          : permission
            ? { kind: "AppPermission", subject: permission }
            : undefined;
      if (item === undefined) return;
      const config = parsePolicyConfig(APP_HYGIENE, appHygieneConfig, args.getConfig<RawPolicyConfig>());
      for (const message of appHygieneViolations(item, config)) reportViolation(message);
    },
  };
}
