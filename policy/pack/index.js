// Entry point of the pulumi-enos policy pack. The engine runs it with this directory as the working directory;
// `pulumi-enos/policy` (and @pulumi/policy, @pulumi/pulumi) resolve from the project's node_modules, also when this
// directory is copied into the project. To customise, pass options, e.g.
//   createEnosPolicyPack({ policies: enosPolicies().filter((p) => p.name !== "enos-app-hygiene") })
"use strict";
const { createEnosPolicyPack } = require("pulumi-enos/policy");

createEnosPolicyPack();
