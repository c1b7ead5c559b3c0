import type { ImportProblem, ImportRow } from "./schemas";

/** Each problem of a row in plain words, as the job report shows it. */
export function problemReason(problem: ImportProblem, row: ImportRow): string {
  switch (problem) {
    case "empty_name":
      return "The name is empty";
    case "name_too_long":
      return "The name is longer than 64 characters";
    case "duplicate_in_file":
      return `The same name appears earlier in the file${row.duplicateOfRow ? ` (row ${row.duplicateOfRow})` : ""}`;
    case "duplicate_existing":
      return "A code of this account already has this name";
    case "unknown_fan_tag":
      return `A fan tag is not among the account's WeChat tags: ${row.fanTags.join(", ")}`;
    case "unknown_member_tag":
      return `A member tag does not exist: ${row.memberTags.join(", ")}`;
  }
}
