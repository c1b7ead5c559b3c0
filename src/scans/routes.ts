import { exportRoutes } from "../exports/routes";
import { createRouter } from "../http/router";
import { liveRoutes } from "../live/routes";
import { mediaRoutes } from "../media/routes";
import { replyRoutes } from "../replies/routes";
import { statsRoutes } from "../stats/routes";
import { tagRoutes } from "../tags/routes";

/** Everything around scans: statistics, fan lists, replies and media, tags, live counters, exports. */
export const scanRoutes = createRouter()
  .route("/", statsRoutes)
  .route("/", replyRoutes)
  .route("/", mediaRoutes)
  .route("/", tagRoutes)
  .route("/", liveRoutes)
  .route("/", exportRoutes);
