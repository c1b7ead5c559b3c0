import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, call } from "../helpers";
import { decodePng, decodeQr, rasteriseSvg } from "../images/decode-helpers";
import { codesPath, createCode, ownerWithAccount } from "./helpers";

const DAY = 86_400_000;

async function image(path: string, headers: Record<string, string> = {}) {
  const res = await call(path, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /api/accounts/{accountId}/qrcodes/{id}/image", () => {
  it("renders a PNG that decodes to the ticket url, at the size asked", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "上海门店", kind: "temporary" }, owner);
    const { res, bytes } = await image(codesPath(account.id, `/${code.id}/image?size=430`), owner);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    const png = decodePng(bytes);
    expect(png.width).toBe(430);
    expect(decodeQr(png)).toBe(code.url);
  });

  it("renders an SVG that decodes to the ticket url", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Poster", kind: "permanent" }, owner);
    const { res, bytes } = await image(
      codesPath(account.id, `/${code.id}/image?format=svg&size=600`),
      owner,
    );
    expect(res.headers.get("Content-Type")).toContain("image/svg+xml");
    expect(decodeQr(rasteriseSvg(new TextDecoder().decode(bytes)))).toBe(code.url);
  });

  it("sizes by centimetres at 300 dpi and adds the caption band", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Store", kind: "temporary" }, owner);
    const { bytes } = await image(codesPath(account.id, `/${code.id}/image?cm=8&caption=1`), owner);
    const png = decodePng(bytes);
    expect(png.width).toBe(945);
    expect(png.height).toBeGreaterThan(945);
    expect(decodeQr(png)).toBe(code.url);
  });

  it("answers as an attachment named after the code, UTF-8 safe", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "门店/一号", kind: "temporary" }, owner);
    const { res } = await image(codesPath(account.id, `/${code.id}/image?download=1`), owner);
    const disposition = res.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toBe("门店 一号.png");
  });

  it.each([
    ["an unknown format", "format=gif"],
    ["a size below 64 px", "size=10"],
    ["a size above 4000 px", "size=5000"],
    ["a caption flag that is not 0 or 1", "caption=yes"],
  ])("answers 400 for %s", async (_label, query) => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const { res } = await image(codesPath(account.id, `/${code.id}/image?${query}`), owner);
    expect(res.status).toBe(400);
  });

  it("answers 401 without a session", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    expect((await image(codesPath(account.id, `/${code.id}/image`))).res.status).toBe(401);
  });
});

describe("GET /q/{liveToken}.png", () => {
  function livePath(liveUrl: string) {
    return liveUrl.startsWith(BASE) ? liveUrl.slice(BASE.length) : liveUrl;
  }

  it("serves a public, briefly cacheable PNG that decodes to the code's url", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Live", kind: "permanent" }, owner);
    const { res, bytes } = await image(livePath(code.liveUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(res.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none'/);
    expect(decodeQr(decodePng(bytes))).toBe(code.url);
  });

  it("renews an expired temporary code behind the URL and serves the new ticket's image", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "H5", kind: "temporary" }, owner);
    await env.DB.prepare("update qrcodes set expires_at = ? where id = ?")
      .bind(Date.now() - DAY, code.id)
      .run();
    const { res, bytes } = await image(livePath(code.liveUrl).replace(/\.png$/, ".svg"));
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("select url, scene, expires_at from qrcodes where id = ?")
      .bind(code.id)
      .first<{ url: string; scene: string; expires_at: number }>();
    expect(row?.url).not.toBe(code.url);
    expect(row?.scene).toBe(code.scene);
    expect(row?.expires_at).toBeGreaterThan(Date.now());
    expect(decodeQr(rasteriseSvg(new TextDecoder().decode(bytes)))).toBe(row?.url);
  });

  it.each([
    ["an unknown token", `/q/${"a".repeat(32)}.png`],
    ["a malformed token", "/q/short.png"],
    ["an unknown extension", "/q/x.gif"],
  ])("answers 404 for %s", async (_label, path) => {
    expect((await image(path)).res.status).toBe(404);
  });

  it("answers 404 once the code is deleted", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Gone", kind: "permanent" }, owner);
    await call(codesPath(account.id, `/${code.id}`), { method: "DELETE", headers: owner });
    expect((await image(livePath(code.liveUrl))).res.status).toBe(404);
  });
});
