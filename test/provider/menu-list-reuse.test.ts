import { appMenuProvider as provider } from "../../provider/resources/keyword/app-menu";
import { checked, createParentApp, useAppEmulator } from "./app-fixtures";
import { callsDuring, nextDeployment } from "./support";

// A refresh of an app's menus as the engine sends it: a few reads at a time (--parallel workers, each sending its
// next read when one is answered), so the menus list is asked for in many coalescing windows.
const MENU_LIST = "GET /enos-app-service/v2.5/menus";

const env = useAppEmulator();

async function createMenus(appId: string, count: number) {
  const menus: Array<{ id: string; outs: Record<string, unknown> }> = [];
  for (let i = 0; i < count; i += 1) {
    const inputs = await checked(provider, { appId, keyword: `menu-${i}`, name: `Menu ${i}`, sortId: i + 1 });
    const created = await provider.create(inputs);
    menus.push({ id: created.id, outs: created.outs as Record<string, unknown> });
  }
  nextDeployment();
  return menus;
}

/** Reads `menus` two at a time, the next pair sent once the last one is answered. */
async function readInPairs(menus: Array<{ id: string; outs: Record<string, unknown> }>) {
  const results: unknown[] = [];
  for (let i = 0; i < menus.length; i += 2) {
    const pair = menus.slice(i, i + 2);
    results.push(...(await Promise.all(pair.map((menu) => provider.read(menu.id, menu.outs)))));
  }
  return results;
}

const nameOf = (read: unknown) => (read as { props: { name: unknown } }).props.name;

test("reads arriving in many windows list the menus at most three times", async () => {
  const menus = await createMenus(await createParentApp(), 12);
  const { result, calls } = await callsDuring(env.emulator, () => readInPairs(menus));
  expect(calls).toEqual([MENU_LIST, MENU_LIST, MENU_LIST]);
  expect(result.map(nameOf)).toEqual(menus.map((_, i) => ({ default: `Menu ${i}` })));
});

test("a write of this process drops the kept list: the next read sees it", async () => {
  const menus = await createMenus(await createParentApp(), 8);
  await readInPairs(menus);
  const [first] = menus;
  if (first === undefined) throw new Error("no menu");
  const news = await checked(provider, { ...first.outs, name: "Renamed", menuId: undefined, status: undefined });
  await provider.update(first.id, first.outs, news);
  const { result, calls } = await callsDuring(env.emulator, () => provider.read(first.id, first.outs));
  expect(nameOf(result)).toEqual({ default: "Renamed" });
  expect(calls).toEqual([MENU_LIST]);
});
