/**
 * Every change the EnOS sections do not cover (other providers' resources, components, provider configuration),
 * one line each, so a review never hides part of a preview. The stack resource itself is left out: its outputs
 * follow from the resources above.
 */
import type { OtherChange } from "../report/schema";
import type { ResourcePlan } from "./resource-plan";

export function analyzeOther(plans: readonly ResourcePlan[]): OtherChange[] {
  return plans
    .filter((plan) => plan.kind === undefined && plan.action !== "same" && plan.ref.type !== "pulumi:pulumi:Stack")
    .map((plan) => {
      const change: OtherChange = {
        resource: plan.ref,
        action: plan.ops.join(", "),
        fields: plan.diffs,
        cause: "program",
        effect: "applied",
      };
      if (plan.ref.type.startsWith("pulumi:providers:")) {
        change.note = "provider configuration (the stack config changed); EnOS is not called for it";
      }
      return change;
    });
}
