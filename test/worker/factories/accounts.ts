import { call, jsonInit } from "../helpers";

export type TestAccount = {
  id: string;
  name: string;
  appId: string;
  isSandbox: boolean;
  secrets: { appSecret: boolean; token: boolean; encodingAesKey: boolean };
};

/** A sandbox account made through the API, so its secrets are generated and sealed as in use. */
export async function createSandboxAccount(
  headers: Record<string, string>,
  overrides: Record<string, unknown> = {},
): Promise<TestAccount> {
  const res = await call(
    "/api/accounts",
    jsonInit(
      "POST",
      { name: "Sandbox", isSandbox: true, messageMode: "plaintext", ...overrides },
      headers,
    ),
  );
  if (res.status !== 201)
    throw new Error(`account create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { account: TestAccount }).account;
}
