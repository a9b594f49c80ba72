// The serialized provider of RoleAssignment: this module's exports are the object itself (see ../provider-shim.ts). State
// names this file by its path, so it stays where it is.
import { createProviderShim } from "../provider-shim";

export = createProviderShim("RoleAssignment");
