import { sandboxWechatApi } from "./app";

/**
 * The transport of sandbox accounts: the request goes straight into the
 * sandbox's Hono app in this isolate. Only the transport differs from a
 * real account; the client code above it is the same.
 */
export function sandboxFetch(env: Env): (request: Request) => Promise<Response> {
  return async (request) => sandboxWechatApi.fetch(request, env);
}
