import { useEffect, useRef, useState } from "preact/hooks";
import type { LiveMessage } from "../api/types";

const PING_EVERY_MS = 30_000;

/**
 * The account's live counters (WebSocket `/api/accounts/{id}/live`). Reconnects
 * with a growing pause after a drop; `connected` drives the "live" pill.
 */
export function useLive(accountId: string, onMessage: (m: LiveMessage) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let attempts = 0;
    let stopped = false;

    const connect = () => {
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      socket = new WebSocket(`${scheme}://${location.host}/api/accounts/${accountId}/live`);
      socket.onopen = () => {
        attempts = 0;
        setConnected(true);
        ping = setInterval(
          () => socket?.readyState === WebSocket.OPEN && socket.send("ping"),
          PING_EVERY_MS,
        );
      };
      socket.onmessage = (e) => {
        if (typeof e.data !== "string" || !e.data.startsWith("{")) return;
        const message = JSON.parse(e.data) as LiveMessage | { type: "hello" };
        if (message.type === "scan" || message.type === "unfollow") handler.current(message);
      };
      socket.onclose = () => {
        setConnected(false);
        clearInterval(ping);
        if (stopped) return;
        attempts++;
        retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempts, 5)));
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      socket?.close();
    };
  }, [accountId]);

  return connected;
}

/**
 * Reloads a view when live scans arrive, once per burst: the message only says
 * that numbers changed, and the view refetches them for its own range.
 */
export function useLiveRefresh(
  accountId: string,
  reload: () => void,
  matches: (m: LiveMessage) => boolean = () => true,
): boolean {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useLive(accountId, (m) => {
    if (!matches(m)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, 500);
  });
}
