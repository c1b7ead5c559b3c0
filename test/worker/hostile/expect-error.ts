import { expect } from "vitest";

/** The response is `{ error: { code, message, requestId } }` with this status and a message like this. */
export async function expectErrorShape(res: Response, status: number, message: RegExp) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatchObject({
    code: expect.stringMatching(/^[a-z_]+$/),
    message: expect.stringMatching(message),
    requestId: expect.stringMatching(/.{8,}/),
  });
  return body.error;
}
