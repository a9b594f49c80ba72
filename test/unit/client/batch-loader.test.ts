import { createBatchLoader } from "../../../provider/client";

/** A batch function that records the keys of each call and answers key -> key.toUpperCase(). */
function upperBatch() {
  const calls: string[][] = [];
  const batch = async (keys: string[]) => {
    calls.push(keys);
    return new Map(keys.filter((k) => k !== "missing").map((k) => [k, k.toUpperCase()]));
  };
  return { calls, batch };
}

describe("batch loader", () => {
  it("merges loads made within the window into one batch call", async () => {
    const { calls, batch } = upperBatch();
    const loader = createBatchLoader(batch, { windowMs: 1 });

    const values = await Promise.all(["a", "b", "c"].map((k) => loader.load(k)));

    expect(values).toEqual(["A", "B", "C"]);
    expect(calls).toEqual([["a", "b", "c"]]);
  });

  it("asks for a repeated key once and answers every caller", async () => {
    const { calls, batch } = upperBatch();
    const loader = createBatchLoader(batch, { windowMs: 1 });

    const values = await Promise.all(["a", "a", "b"].map((k) => loader.load(k)));

    expect(values).toEqual(["A", "A", "B"]);
    expect(calls).toEqual([["a", "b"]]);
  });

  it("splits at maxBatchSize", async () => {
    const { calls, batch } = upperBatch();
    const loader = createBatchLoader(batch, { windowMs: 1, maxBatchSize: 2 });

    await Promise.all(["a", "b", "c", "d", "e"].map((k) => loader.load(k)));

    expect(calls).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("starts a new batch for loads after the window closed", async () => {
    const { calls, batch } = upperBatch();
    const loader = createBatchLoader(batch, { windowMs: 1 });

    await loader.load("a");
    await loader.load("b");

    expect(calls).toEqual([["a"], ["b"]]);
  });

  it("resolves undefined for a key the batch result lacks", async () => {
    const { batch } = upperBatch();
    const loader = createBatchLoader(batch, { windowMs: 1 });
    await expect(Promise.all([loader.load("missing"), loader.load("x")])).resolves.toEqual([undefined, "X"]);
  });

  it("rejects every load of a failed batch", async () => {
    const loader = createBatchLoader<string, string>(async () => Promise.reject(new Error("down")), { windowMs: 1 });
    const results = await Promise.allSettled([loader.load("a"), loader.load("b")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });

  it("identifies object keys with keyOf", async () => {
    type Key = { org: string; user: string };
    const calls: Key[][] = [];
    const loader = createBatchLoader<Key, string>(
      async (keys) => {
        calls.push(keys);
        return new Map(keys.map((k) => [{ ...k }, `${k.org}/${k.user}`]));
      },
      { windowMs: 1, keyOf: (k) => `${k.org}|${k.user}` },
    );

    const values = await Promise.all([loader.load({ org: "o", user: "1" }), loader.load({ org: "o", user: "1" })]);

    expect(values).toEqual(["o/1", "o/1"]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(1);
  });
});
