/**
 * Every output of every resource class says what it holds: a `declare readonly` field without JSDoc shows up in an
 * editor as a bare `Output<string>`, which is what users see first (issue: outputs that mirror inputs had none).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const SDK = path.join(__dirname, "..", "..", "..", "sdk");

interface DeclaredOutput {
  className: string;
  name: string;
  documented: boolean;
}

function declaredOutputs(file: string): DeclaredOutput[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const outputs: DeclaredOutput[] = [];
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || node.name === undefined) return;
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member)) continue;
      const declared = ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) ?? false;
      if (!declared) continue;
      const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
      outputs.push({
        className: node.name.text,
        name: member.name.getText(source),
        documented: docs.some((doc) => ts.getTextOfJSDocComment(doc.comment)?.trim()),
      });
    }
  });
  return outputs;
}

const outputs = fs
  .readdirSync(SDK)
  .filter((name) => name.endsWith(".ts"))
  .flatMap((name) => declaredOutputs(path.join(SDK, name)));

test("the six resource classes declare their outputs", () => {
  const classes = new Set(outputs.map((o) => o.className));
  expect([...classes].sort()).toEqual(
    ["AppMenu", "AppPermission", "DeviceEnablement", "EnosApp", "RoleAssignment", "UserGroupMembership"].sort(),
  );
  expect(outputs.length).toBeGreaterThanOrEqual(55);
});

test("every declared output has a JSDoc comment", () => {
  const bare = outputs.filter((o) => !o.documented).map((o) => `${o.className}.${o.name}`);
  expect(bare).toEqual([]);
});
