/**
 * The per-OU policies an application (service account) can be granted, by their documented names: enos-app-service
 * needs Application Registration Administrator (Application Registration API), the app-portal "without logging in" APIs
 * need an Application-Portal permission (Application Portal API), connect needs Device Management Full Access / Read
 * (Get Device, Enable Device).
 */
export const POLICIES = [
  "Application Registration Administrator",
  "Authorize users in this OU",
  "Obtain all user permissions in the OU",
  "Obtain the ID and name of all roles in the OU",
  "Obtain the ID, username, email, and phone number of all users in the OU",
  "Device Management Full Access",
  "Device Management Read",
] as const;

export type Policy = (typeof POLICIES)[number];

/** Which policies let a call through (any one of them suffices); [] = none needed. */
export type PolicyRule = (query: Readonly<Record<string, string>>) => readonly Policy[];

export const needs =
  (...policies: Policy[]): PolicyRule =>
  () =>
    policies;

/** null = the account's policies are not modelled: every call is allowed (seeds without `policies`). */
export function holdsAny(held: readonly Policy[] | null, needed: readonly Policy[]): boolean {
  return held === null || needed.length === 0 || needed.some((policy) => held.includes(policy));
}
