import { createRouter } from "../http/router";

export const contactRoutes = createRouter();
