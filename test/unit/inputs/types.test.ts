/**
 * Type-level checks (they fail `npm run typecheck`, not jest): checked inputs carry no sentinel in their static types,
 * and what a program writes (RawInputsOf) may omit orgId and use the short i18n form, which check then normalises.
 */
import {
  checkInputs,
  enosAppSchema,
  userGroupMembershipSchema,
  type AppMenuInputs,
  type DeviceEnablementInputs,
  type EnosAppInputs,
  type RawInputsOf,
  type RoleAssignmentInputs,
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
  it("let a program omit orgId and pass a plain-string name, which check fills and normalises", () => {
    const raw: RawInputsOf<typeof enosAppSchema> = { name: "Energy", category: 104, keyword: "energy" };
    const inputs = expectInputs(checkInputs(enosAppSchema, raw, { orgId: "o-1" }));
    expect(inputs).toEqual({ ...raw, orgId: "o-1", name: { default: "Energy" }, type: "web", adopt: false });
  });

  it("let a program list ids in any order with repeats, which check sorts and dedupes", () => {
    const raw: RawInputsOf<typeof userGroupMembershipSchema> = { userId: "u", userGroupIds: ["g-2", "g-1", "g-2"] };
    const inputs = expectInputs(checkInputs(userGroupMembershipSchema, raw, { orgId: "o-1" }));
    expect(inputs).toEqual({
      orgId: "o-1",
      userId: "u",
      userGroupIds: ["g-1", "g-2"],
      exhaustive: false,
      restoreOnDelete: true,
    });
  });
});
