"use strict";
const enos = require("pulumi-enos");

const app = new enos.EnosApp("energy", { name: "Energy Management", category: 101, keyword: "energy-mgmt" });
new enos.AppMenu("dashboard", { appId: app.id, keyword: "dashboard", name: "Dashboard" });

module.exports = { appId: app.id };
