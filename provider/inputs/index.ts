/** Input validation for every resource: one module per resource plus the shared helpers (no @pulumi/pulumi here). */
export * from "./common";
export * from "./enos-app";
export * from "./app-menu";
export * from "./app-permission";
export * from "./role-assignment";
export * from "./user-group-membership";
export * from "./device-enablement";
