import * as providerModule from "../../provider";

describe("pulumi-enos/provider", () => {
  it("offers the shim's entry points and the EnOS client README describes", () => {
    expect(providerModule.configure).toEqual(expect.any(Function));
    expect(Object.keys(providerModule.resourceProviders)).toHaveLength(6);
    const client = providerModule.createEnosClient({
      apiUrl: "https://gw.example.com",
      accessKey: "a",
      secretKey: "s",
    });
    expect(client.appPortal.appendRoles).toEqual(expect.any(Function));
    expect(providerModule.mayHaveTakenEffect(new Error("lost"))).toBe(true);
    expect(providerModule.EnosApiError.isInstance(new Error("x"))).toBe(false);
    return client.close();
  });
});
