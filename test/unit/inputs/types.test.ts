/**
 * Type-level checks (they fail `npm run typecheck`, not jest): checked inputs carry no sentinel in their static types,
 * and what a program writes (RawInputs) may omit orgId and use the short i18n form.
 */
import {
  checkEnosApp,
  type AppMenuInputs,
  type DeviceEnablementInputs,
  type EnosAppInputs,
  type EnosAppRawInputs,
  type RoleAssignmentInputs,
  type UserGroupMembershipRawInputs,
} from "../../../provider/inputs";
import { expectInputs } from "./expect-check";

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type CheckedTypes = [
  Assert<Equal<EnosAppInputs["category"], number>>,
  Assert<Equal<EnosAppInputs["type"], "web" | "mobile">>,
  Assert<Equal<EnosAppInputs["name"]["default"], string>>,
  Assert<Equal<AppMenuInputs["sortId"], number>>,
  Assert<Equal<RoleAssignmentInputs["roleIds"], string[]>>,
  Assert<Equal<RoleAssignmentInputs["exhaustive"], boolean>>,
  Assert<Equal<DeviceEnablementInputs["enabled"], boolean>>,
];

describe("input types", () => {
  it("let a program omit orgId and pass a plain-string name, which check accepts", () => {
    const raw: EnosAppRawInputs = { name: "Energy", category: 104, keyword: "energy" };
    const membership: UserGroupMembershipRawInputs = { userId: "u", userGroupIds: ["g"] };
    expect(expectInputs(checkEnosApp({}, raw, { orgId: "o-1" })).orgId).toBe("o-1");
    expect(membership.orgId).toBeUndefined();
  });
});
