// One EnosApp and no lookup: with bad enos:* settings only the provider's credential check can fail the preview.
"use strict";
const enos = require("pulumi-enos");

module.exports = async () => {
  new enos.EnosApp("energy", { name: "Energy Management", category: 101, keyword: "energy-mgmt" });
};
