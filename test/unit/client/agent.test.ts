import { MockAgent, request, type Agent } from "undici";
import { acquireDispatcher } from "../../../provider/client/agent";
import { uniqueOrigin } from "./helpers";

describe("default dispatcher", () => {
  it("shares one keep-alive Agent per apiUrl and closes it with its last user", async () => {
    const url = uniqueOrigin();
    const a = acquireDispatcher(url, undefined);
    const b = acquireDispatcher(url, undefined);
    expect(b.dispatcher).toBe(a.dispatcher);

    await a.release();
    await a.release(); // a second release of the same lease is a no-op
    expect((a.dispatcher as Agent).closed).toBe(false);
    await b.release();
    expect((a.dispatcher as Agent).closed).toBe(true);

    const c = acquireDispatcher(url, undefined);
    expect(c.dispatcher).not.toBe(a.dispatcher);
    await c.release();
  });

  it("uses an injected dispatcher as-is and never closes it", async () => {
    const injected = new MockAgent();
    injected.disableNetConnect();
    const origin = uniqueOrigin();
    injected.get(origin).intercept({ path: "/ping" }).reply(200, "pong");
    const lease = acquireDispatcher(origin, injected);
    expect(lease.dispatcher).toBe(injected);
    await lease.release();
    const res = await request(`${origin}/ping`, { dispatcher: injected }); // a closed agent would throw
    await expect(res.body.text()).resolves.toBe("pong");
    await injected.close();
  });
});
