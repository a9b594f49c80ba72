import { APP_HYGIENE, appHygieneConfig, appHygienePolicy, appHygieneViolations } from "../../../policy";
import { resource, runResourcePolicy, subject } from "./fixtures";

const app = (props: {
  keyword?: string;
  type?: "web" | "mobile";
  url?: string;
  description?: unknown;
  adopt?: boolean;
}) => ({
  kind: "EnosApp" as const,
  subject: subject("energy", {
    orgId: "o-demo",
    keyword: props.keyword ?? "energy-mgmt",
    type: props.type,
    url: props.url,
    description: props.description,
    adopt: props.adopt,
  }),
});

describe("app hygiene (rule 5)", () => {
  const defaults = appHygieneConfig.parse({});

  it("passes the quickstart's app, menus and permission", () => {
    expect(appHygieneViolations(app({ url: "https://energy.example.com/" }), defaults)).toEqual([]);
    expect(
      appHygieneViolations({ kind: "AppMenu", subject: subject("m", { keyword: "alarms", url: "/alarms" }) }, defaults),
    ).toEqual([]);
    expect(
      appHygieneViolations({ kind: "AppPermission", subject: subject("p", { keyword: "device.delete" }) }, defaults),
    ).toEqual([]);
  });

  it("wants https and never quotes the URL", () => {
    const [message, ...rest] = appHygieneViolations(app({ url: "http://energy.example.com/?token=s3cr3t" }), defaults);
    expect(rest).toEqual([]);
    expect(message).toBe(
      `EnosApp 'energy': url uses http: instead of https:; use an https URL without credentials, or set ` +
        `${APP_HYGIENE}.requireHttps false (${APP_HYGIENE} in the policy pack config)`,
    );
    expect(
      appHygieneViolations(app({ url: "http://energy.example.com/" }), { ...defaults, requireHttps: false }),
    ).toEqual([]);
    const withPassword = appHygieneViolations(app({ url: "https://ops:hunter2@energy.example.com/" }), defaults);
    expect(withPassword).toEqual([expect.stringContaining("url carries a user name or password")]);
    expect(withPassword.join()).not.toContain("hunter2");
    const menu = {
      kind: "AppMenu" as const,
      subject: subject("m", { keyword: "alarms", url: "http://x.example.com" }),
    };
    expect(appHygieneViolations(menu, defaults)).toEqual([expect.stringContaining("AppMenu 'm': url uses http:")]);
  });

  it("refuses a URL on a mobile app", () => {
    expect(appHygieneViolations(app({ type: "mobile", url: "https://m.example.com" }), defaults)).toEqual([
      `EnosApp 'energy' is a mobile app but sets url; a mobile app has no URL: remove url or use type "web"`,
    ]);
  });

  it("checks keywords of apps, menus and permissions against keywordPattern", () => {
    expect(appHygieneViolations(app({ keyword: "Energy_Mgmt" }), defaults)).toEqual([
      `EnosApp 'energy' has keyword 'Energy_Mgmt', which does not match ${APP_HYGIENE}.keywordPattern ` +
        `^[a-z0-9]+([._-][a-z0-9]+)*$; rename the keyword, or change the pattern (${APP_HYGIENE} in the policy pack config)`,
    ]);
    const permission = { kind: "AppPermission" as const, subject: subject("p", { keyword: "device.delete" }) };
    expect(appHygieneViolations(permission, { ...defaults, keywordPattern: "^team-a\\." })).toHaveLength(1);
    expect(() => appHygieneViolations(permission, { ...defaults, keywordPattern: "(" })).toThrow(
      `invalid policy config: ${APP_HYGIENE}.keywordPattern is not a regular expression`,
    );
  });

  it("optionally requires a description and forbids adopt", () => {
    const strict = { ...defaults, requireDescription: true, allowAdopt: false };
    expect(appHygieneViolations(app({ adopt: true }), strict)).toEqual([
      expect.stringContaining(`has no description; add one, or set ${APP_HYGIENE}.requireDescription false`),
      expect.stringContaining(`sets adopt: true (takes over an existing app with keyword 'energy-mgmt'`),
    ]);
    expect(appHygieneViolations(app({ adopt: true, description: { default: "d" } }), defaults)).toEqual([]);
  });

  it("is advisory by default and reads the three app resource types", async () => {
    const policy = appHygienePolicy();
    expect(policy.enforcementLevel).toBe("advisory");
    const menu = resource("AppMenu", "menu", { appId: "app-1", keyword: "Alarms!", name: { default: "A" } });
    expect(await runResourcePolicy(policy, menu)).toEqual([
      expect.stringContaining("AppMenu 'menu' has keyword 'Alarms!'"),
    ]);
    expect(await runResourcePolicy(policy, resource("RoleAssignment", "r", { userId: "u", roleIds: [] }))).toEqual([]);
  });
});
