import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { R2_MIN_PART_SIZE, writeStreamToR2 } from "../../../src/files/r2-multipart";

function chunkedStream(total: number, seed: number, failAt?: number): ReadableStream<Uint8Array> {
  let sent = 0;
  let n = seed;
  return new ReadableStream({
    pull(controller) {
      if (failAt !== undefined && sent >= failAt)
        return controller.error(new Error("source failed"));
      if (sent >= total) return controller.close();
      // Odd chunk sizes so chunks straddle part boundaries.
      const size = Math.min(total - sent, 65_521 + (sent % 7919));
      const chunk = new Uint8Array(size);
      for (let i = 0; i < size; i++) {
        n = (n * 1103515245 + 12345) >>> 0;
        chunk[i] = n >>> 24;
      }
      sent += size;
      controller.enqueue(chunk);
    },
  });
}

async function digest(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = await new Response(stream).arrayBuffer();
  return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))).join(",");
}

describe("writeStreamToR2", () => {
  it("uploads a stream longer than two parts intact", async () => {
    const total = 2 * R2_MIN_PART_SIZE + 123_457;
    const size = await writeStreamToR2(env.ARTIFACTS, "t/big.zip", chunkedStream(total, 1), {
      contentType: "application/zip",
    });
    expect(size).toBe(total);
    const object = await env.ARTIFACTS.get("t/big.zip");
    expect(object?.size).toBe(total);
    expect(object?.httpMetadata?.contentType).toBe("application/zip");
    expect(await digest(object?.body ?? new ReadableStream())).toBe(
      await digest(chunkedStream(total, 1)),
    );
  });

  it("uploads exactly one part's worth", async () => {
    const size = await writeStreamToR2(
      env.ARTIFACTS,
      "t/exact.bin",
      chunkedStream(R2_MIN_PART_SIZE, 2),
      { contentType: "application/octet-stream" },
    );
    expect(size).toBe(R2_MIN_PART_SIZE);
    expect((await env.ARTIFACTS.head("t/exact.bin"))?.size).toBe(R2_MIN_PART_SIZE);
  });

  it("puts a small stream in one request, empty included", async () => {
    expect(
      await writeStreamToR2(env.ARTIFACTS, "t/small.csv", chunkedStream(1000, 3), {
        contentType: "text/csv",
      }),
    ).toBe(1000);
    expect(
      await writeStreamToR2(env.ARTIFACTS, "t/empty.csv", chunkedStream(0, 3), {
        contentType: "text/csv",
      }),
    ).toBe(0);
    expect((await env.ARTIFACTS.head("t/small.csv"))?.size).toBe(1000);
    expect((await env.ARTIFACTS.head("t/empty.csv"))?.size).toBe(0);
  });

  it("leaves no object when the source fails after a part was sent", async () => {
    const failing = chunkedStream(3 * R2_MIN_PART_SIZE, 4, R2_MIN_PART_SIZE + 10);
    await expect(
      writeStreamToR2(env.ARTIFACTS, "t/failed.zip", failing, { contentType: "application/zip" }),
    ).rejects.toThrow("source failed");
    expect(await env.ARTIFACTS.head("t/failed.zip")).toBeNull();
  });

  it("refuses parts smaller than R2 accepts", async () => {
    await expect(
      writeStreamToR2(env.ARTIFACTS, "t/x", chunkedStream(1, 5), {
        contentType: "text/plain",
        partSize: 1024,
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe("writeStreamToR2 with a failing producer", () => {
  it("rejects and leaves no object when the ZIP writer is aborted after a part", async () => {
    const { createZipWriter } = await import("../../../src/files/zip-writer");
    const zip = createZipWriter();
    const upload = writeStreamToR2(env.ARTIFACTS, "t/aborted.zip", zip.stream, {
      contentType: "application/zip",
    });
    await zip.addFile("a.bin", crypto.getRandomValues(new Uint8Array(65_536)).fill(7, 0, 10));
    await zip.addFile("big.bin", new Uint8Array(R2_MIN_PART_SIZE + 1));
    zip.abort(new Error("database went away"));
    await expect(upload).rejects.toThrow("database went away");
    expect(await env.ARTIFACTS.head("t/aborted.zip")).toBeNull();
    await expect(zip.addFile("late.png", new Uint8Array(1))).rejects.toThrow("database went away");
  });

  it("rejects when the XLSX and CSV writers are aborted", async () => {
    const { createXlsxWriter } = await import("../../../src/files/xlsx-writer");
    const { createCsvWriter } = await import("../../../src/files/csv-writer");
    for (const writer of [
      createXlsxWriter({ columns: [{ header: "a" }] }),
      createCsvWriter({ columns: [{ header: "a" }] }),
    ]) {
      const upload = writeStreamToR2(env.ARTIFACTS, "t/aborted.xlsx", writer.stream, {
        contentType: "application/octet-stream",
      });
      await writer.addRow(["x"]);
      writer.abort(new Error("query failed"));
      await expect(upload).rejects.toThrow("query failed");
    }
    expect(await env.ARTIFACTS.head("t/aborted.xlsx")).toBeNull();
  });
});
