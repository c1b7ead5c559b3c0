// Before the first release the schema has one migration, regenerated whole
// from src/db/schema. After a release, replace this with `drizzle-kit generate`.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";

for (const name of readdirSync("migrations"))
  rmSync(`migrations/${name}`, { recursive: true, force: true });
execFileSync("npx", ["drizzle-kit", "generate", "--name", "init"], { stdio: "inherit" });
