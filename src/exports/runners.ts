// Importing this module registers the export job runners (see src/jobs/registry.ts).
import "./fans-export-runner";
import "./scans-export-runner";
