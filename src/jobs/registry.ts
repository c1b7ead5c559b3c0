// Importing a domain's job module registers its handlers with the consumer.
// Add one line per domain that handles queue messages.
import "./run-job";
import "../scans/after-scan";
import "../exports/runners";
import "../imports/batch-create-runner";
import "../contacts/export-contacts";
import "../downloads/zip-runner";
