import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createZipWriter } from "../../../src/files/zip-writer";

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads each central-directory entry's general-purpose flags (APPNOTE 4.3.12). */
function centralFlags(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const flags = new Map<string, number>();
  for (let i = 0; i + 46 < zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLen));
    flags.set(name, view.getUint16(i + 8, true));
  }
  return flags;
}

describe("createZipWriter", () => {
  it("round-trips every file with UTF-8 names flagged", async () => {
    const zip = createZipWriter();
    const bytes = collect(zip.stream);
    const files = new Map<string, Uint8Array>();
    for (let i = 0; i < 50; i++) {
      files.set(`上海门店 ${i}.png`, crypto.getRandomValues(new Uint8Array(1000 + i)));
    }
    for (const [name, data] of files) await zip.addFile(name, data);
    await zip.addFile("manifest.csv", new TextEncoder().encode("a,b\r\n".repeat(100)), {
      compress: true,
    });
    await zip.finish();

    const zipped = await bytes;
    const unzipped = unzipSync(zipped);
    expect(Object.keys(unzipped)).toHaveLength(51);
    for (const [name, data] of files) expect(unzipped[name]).toEqual(data);
    expect(new TextDecoder().decode(unzipped["manifest.csv"])).toBe("a,b\r\n".repeat(100));

    const flags = centralFlags(zipped);
    expect((flags.get("上海门店 0.png") ?? 0) & 0x800).toBe(0x800);
  });

  it("stores images without deflating them", async () => {
    const zip = createZipWriter();
    const bytes = collect(zip.stream);
    const zeros = new Uint8Array(100_000);
    await zip.addFile("a.png", zeros);
    await zip.finish();
    expect((await bytes).length).toBeGreaterThan(100_000);
  });

  it("stops adding files once the reader cancels", async () => {
    const zip = createZipWriter({ highWaterMarkBytes: 1024 });
    await zip.stream.cancel(new Error("gone"));
    await expect(zip.addFile("a.png", new Uint8Array(10_000))).rejects.toThrow("gone");
  });
});
