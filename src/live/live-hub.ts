import { log } from "../lib/log";
import type { LiveMessage } from "./live-messages";

/**
 * The Durable Object side of live counters. Sockets use the hibernation API
 * (`acceptWebSocket`): an idle console costs nothing while the object
 * sleeps, and `getWebSockets()` finds every open console after a wake-up.
 */
export function acceptLiveSocket(state: DurableObjectState): Response {
  const pair = new WebSocketPair();
  state.acceptWebSocket(pair[1]);
  pair[1].send(JSON.stringify({ type: "hello" }));
  return new Response(null, { status: 101, webSocket: pair[0] });
}

/** Sends one message to every open console of the account; returns how many got it. */
export function broadcastLive(state: DurableObjectState, message: LiveMessage): number {
  const text = JSON.stringify(message);
  let sent = 0;
  for (const socket of state.getWebSockets()) {
    try {
      socket.send(text);
      sent++;
    } catch {
      // A socket closing while we send is normal; the close handler forgets it.
    }
  }
  return sent;
}

/** Consoles only listen; a ping is answered so they can tell a dead connection. */
export function answerLiveMessage(socket: WebSocket, data: string | ArrayBuffer) {
  if (data === "ping") socket.send("pong");
}

export function closeLiveSocket(socket: WebSocket, code: number) {
  try {
    // 1005/1006 are reserved and cannot be sent back.
    socket.close(code === 1005 || code === 1006 ? 1000 : code, "closing");
  } catch (err) {
    log.debug("live socket already closed", { error: String(err) });
  }
}
